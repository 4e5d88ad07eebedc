using Npgsql;

namespace Dyad.Store.PostgreSql;

/// <summary>
/// A PostgreSQL store named the way libpq and psql name databases: <c>postgres://user@host:port/database?sslmode=require</c>
/// (or <c>postgresql://</c>). The password is best left out of it: Npgsql reads PGPASSWORD or ~/.pgpass, as psql does.
/// A socket folder may be given as <c>?host=/run/postgresql</c>.
/// </summary>
public static class PostgresAddress
{
    public static bool Is(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Npgsql's connection string for <paramref name="address"/>.</summary>
    /// <exception cref="DyadException">BadUsage: not an address Dyad can read.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string address)
    {
        if (!Is(address) || !Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw DyadException.BadUsage($"{Redacted(address)}: not a PostgreSQL address; write postgres://user@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Length > 0 ? uri.Host : "localhost",
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "dyad",
            ApplicationName = "dyad",
            // A store keeps one connection for its life, and the session is what holds its locks: a pooled connection
            // would outlive the store, and with it the import lock of a store let go without publishing.
            Pooling = false,
            // An import's reconciliation of millions of rows is one statement of minutes: Npgsql's 30-second default
            // would cut it off (an address's own ?Command Timeout=… still applies).
            CommandTimeout = 0,
        };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
        }

        if (uri.UserInfo.Split(':', 2) is [_, var password])
        {
            builder.Password = Uri.UnescapeDataString(password);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (Uri.UnescapeDataString(pair), "");
            try
            {
                builder[key == "sslmode" ? "SSL Mode" : key] = value;
            }
            catch (ArgumentException e)
            {
                throw DyadException.BadUsage($"{Redacted(address)}: '{key}' is not a setting Npgsql knows ({e.Message}).");
            }
        }

        return builder;
    }

    /// <summary>The address with any password in it replaced, for messages and records.</summary>
    public static string Redacted(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? address.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : address;
}
