using Npgsql;

namespace Dyad.Store;

/// <summary>What an engine's own errors mean to a user: a write that lost a race, a server that is not there.</summary>
public static class StoreErrors
{
    /// <summary>
    /// The error as Dyad says it, or null if it is none of the known kinds (a bug). Two analysts writing the same records
    /// at once: the later write is refused whole (SERIALIZABLE), never merged over the other's, and may be run again.
    /// </summary>
    public static DyadException? AsDyad(Exception error, string? store = null)
    {
        var where = store is null ? "" : $"{store}: ";
        return error switch
        {
            PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } e =>
                new DyadException(DyadErrorKind.Conflict,
                    $"{where}another analyst changed the same data at the same time; nothing of this command was written. Run it again to apply it to their change.", e),
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e =>
                new DyadException(DyadErrorKind.Conflict, $"{where}another analyst added the same record at the same time ({e.ConstraintName}); nothing of this command was written.", e),
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } e =>
                new DyadException(DyadErrorKind.Unavailable, $"{where}PostgreSQL refused the user: {e.MessageText}", e),
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } e =>
                new DyadException(DyadErrorKind.Unavailable, $"{where}no such database: {e.MessageText} (make it with createdb).", e),
            NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } e =>
                new DyadException(DyadErrorKind.Unavailable, $"{where}PostgreSQL cannot be reached: {e.Message}", e),
            _ => null,
        };
    }
}
