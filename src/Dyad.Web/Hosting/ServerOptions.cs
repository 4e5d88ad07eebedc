namespace Dyad.Web.Hosting;

/// <summary>What a server is started with: its store and registries, where it listens, and its limits.</summary>
public sealed record ServerOptions
{
    /// <summary>The store: a DuckDB file or a PostgreSQL address, as the CLI's --db takes it.</summary>
    public required string Db { get; init; }

    /// <summary>The actor registry's path; null for the default one.</summary>
    public string? Registry { get; init; }

    /// <summary>The attribution model; null for the one beside the store (STORE.model.zip), or one trained when the server starts.</summary>
    public string? Model { get; init; }

    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>How many store connections requests share: a request waits for one when all are in use.</summary>
    public int Connections { get; init; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>The largest file an import may upload.</summary>
    public long MaxUploadBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The largest body any other request may have.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Requests a signed-in user (or token) may make in a minute; anonymous requests are counted per address.</summary>
    public int RequestsPerMinute { get; init; } = 6000;

    /// <summary>Login attempts an address may make in a minute, whoever it tries to be.</summary>
    public int LoginsPerMinute { get; init; } = 20;

    /// <summary>The most events one page of the API returns.</summary>
    public int MaxPageSize { get; init; } = 1000;

    /// <summary>How long a request may run before it is cancelled (exports and uploads are not bounded by it).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed logins in a row that lock a user out, and for how long.</summary>
    public int LockoutAttempts { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether the server logs each request and import (its method, path, status and time; the import's counts).</summary>
    public bool Verbose { get; init; }

    /// <summary>Where the server keeps what it makes for itself (its cookie keys, uploads in progress); null: beside the store, or the user's data folder.</summary>
    public string? StateFolder { get; init; }
}
