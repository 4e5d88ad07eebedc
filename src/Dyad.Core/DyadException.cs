namespace Dyad;

/// <summary>What went wrong, so that the CLI can choose an exit code and the API a status code.</summary>
public enum DyadErrorKind
{
    /// <summary>The user's input (a file, a row, a value) is not what Dyad can read. CLI exit code 3.</summary>
    BadInput,
    /// <summary>The user asked for something in a way Dyad does not understand. CLI exit code 2.</summary>
    BadUsage,
    /// <summary>What was asked for does not exist.</summary>
    NotFound,
    /// <summary>The store is in a state that does not allow the operation (another writer, a newer schema).</summary>
    Conflict,
    /// <summary>A dataset's service refused the request (an account without access) or kept failing after retries.</summary>
    Unavailable,
}

/// <summary>
/// The one exception Dyad throws on purpose. Its message is written for the user: it names the file, row and column
/// where there is one. Anything else that escapes is a bug.
/// </summary>
public sealed class DyadException : Exception
{
    public DyadException(DyadErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public DyadErrorKind Kind { get; }

    /// <summary>The file the problem was found in, when there is one.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based row in <see cref="File"/> (the header is row 1 for text files), when known.</summary>
    public long? Row { get; init; }

    /// <summary>The column, when known.</summary>
    public string? Column { get; init; }

    public static DyadException BadInput(string message, string? file = null, long? row = null, string? column = null, Exception? inner = null) =>
        new(DyadErrorKind.BadInput, message, inner) { File = file, Row = row, Column = column };

    public static DyadException BadUsage(string message) => new(DyadErrorKind.BadUsage, message);
}
