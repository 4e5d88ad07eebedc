using Dyad.Store.Accounts;

namespace Dyad.Store;

/// <summary>
/// The store the rest of Dyad depends on: its events, the analysts' records and the team's accounts, on whichever engine
/// (DuckDB, PostgreSQL) holds them. The application layer and the server take this, never an engine's class.
/// </summary>
public interface IDyadStore : IEventStore, IRecordStore, IAccountStore
{
    /// <summary>The store as a user names it: a file's path, or a PostgreSQL address without its password.</summary>
    string Name { get; }
}
