using Dyad.App.Configuration;
using Dyad.App.Importing;
using Dyad.Connectors;
using Dyad.Connectors.Acled;
using Dyad.Connectors.Ucdp;
using Dyad.Store;
using Dyad.Store.PostgreSql;

namespace Dyad.App.Fetching;

/// <summary>A UCDP fetch and the import of what it fetched.</summary>
public sealed record UcdpFetchOutcome(UcdpFetchReport Fetch, FileOutcome Import);

/// <summary>An ACLED fetch and the import of what it fetched.</summary>
public sealed record AcledFetchOutcome(AcledFetchReport Fetch, FileOutcome Import);

/// <summary>
/// Fetches a dataset's events from its publisher's API into a CSV beside the store, then imports it as the CLI's
/// <c>import</c> would (derived data and publication in one transaction). The credentials are the user's, read from the
/// environment or the configuration, never from a command line.
/// </summary>
public static class DatasetFetch
{
    public const string UcdpTokenVariable = "DYAD_UCDP_TOKEN";

    /// <summary>
    /// Where a fetch keeps its pages and tokens: beside a DuckDB store's file, or, for a PostgreSQL store, in the user's
    /// cache folder under the database's address (its password left out).
    /// </summary>
    public static string FolderFor(string db) => EventStores.IsPostgres(db)
        ? Path.Combine(UserConfiguration.CacheFolder, string.Concat(PostgresAddress.Redacted(db).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) + ".fetch")
        : Path.GetFullPath(db) + ".fetch";

    /// <summary>The UCDP API's access token.</summary>
    /// <exception cref="DyadException">BadUsage: none is set.</exception>
    public static string UcdpToken() => UserConfiguration.Value(UcdpTokenVariable, "ucdp_token")
        ?? throw DyadException.BadUsage($"The UCDP API needs an access token (UCDP's rule since February 2026): set {UcdpTokenVariable}, or \"ucdp_token\" in {UserConfiguration.FilePath}; Dyad never takes it on the command line.");

    /// <summary>The user's acleddata.com account.</summary>
    /// <exception cref="DyadException">BadUsage: none is set.</exception>
    public static AcledCredentials AcledAccount() =>
        UserConfiguration.Value(AcledCredentials.UsernameVariable, "acled_username") is { } user
        && UserConfiguration.Value(AcledCredentials.PasswordVariable, "acled_password") is { } password
            ? new AcledCredentials(user, password)
            : throw DyadException.BadUsage($"ACLED's API needs your acleddata.com account: set {AcledCredentials.UsernameVariable} and {AcledCredentials.PasswordVariable}, " +
                $"or \"acled_username\" and \"acled_password\" in {UserConfiguration.FilePath}; Dyad never takes them on the command line.");

    /// <summary>Fetches a GED release (or a candidate release) and imports it as that release: the events it no longer has are withdrawn.</summary>
    /// <param name="token">The user's token (<see cref="UcdpToken"/>), read before the store is opened.</param>
    /// <param name="api">The API's address, for a mirror; null for UCDP's own.</param>
    public static async Task<UcdpFetchOutcome> Ucdp(IEventStore store, Registries registries, string folder, string token, UcdpFetchRequest request, Uri? api,
        CancellationToken cancellationToken)
    {
        using var http = PoliteHttp.Create(TimeSpan.FromSeconds(2));
        var fetch = await new UcdpFetcher(http, api ?? UcdpFetcher.PublicApi, token, folder).FetchAsync(request, cancellationToken);
        var import = FileImport.Run(store, fetch.File, cancellationToken: cancellationToken, release: fetch.Version);
        FileImport.Complete(store, registries, cancellationToken);
        return new UcdpFetchOutcome(fetch, new FileOutcome(fetch.File, import, null));
    }

    /// <summary>Fetches a country's events and imports them; the events ACLED lists as deleted are withdrawn.</summary>
    /// <param name="account">The user's account (<see cref="AcledAccount"/>), read before the store is opened.</param>
    /// <param name="site">ACLED's site, for a mirror; null for acleddata.com.</param>
    public static async Task<AcledFetchOutcome> Acled(IEventStore store, Registries registries, string folder, AcledCredentials account, AcledFetchRequest request,
        Uri? site, CancellationToken cancellationToken)
    {
        using var http = PoliteHttp.Create(TimeSpan.FromSeconds(2));
        var fetcher = new AcledFetcher(http, site ?? AcledFetcher.PublicSite, account, folder);
        var fetch = await fetcher.FetchAsync(request, cancellationToken);
        var import = FileImport.Run(store, fetch.File, cancellationToken: cancellationToken, deleted: fetch.Deleted);
        FileImport.Complete(store, registries, cancellationToken);
        // Only once the import is in does the next fetch start from here.
        fetcher.Completed(fetch);
        return new AcledFetchOutcome(fetch, new FileOutcome(fetch.File, import, null));
    }
}
