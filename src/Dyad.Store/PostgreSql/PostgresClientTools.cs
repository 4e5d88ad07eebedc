using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Dyad.Store.PostgreSql;

/// <summary>PostgreSQL's own client programs (pg_dump, pg_restore), run against a store's server.</summary>
internal static class PostgresClientTools
{
    /// <summary>
    /// Runs <paramref name="tool"/> with the server's address in libpq's environment (never on its command line, where
    /// a password would show in the process list). If it fails, <paramref name="output"/>, when given, is removed.
    /// </summary>
    /// <exception cref="DyadException">Unavailable: the tool is not installed, or failed.</exception>
    public static void Run(NpgsqlConnectionStringBuilder address, string tool, IReadOnlyList<string> arguments, string? output)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = address.Host;
        start.Environment["PGPORT"] = address.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGSSLMODE"] = address.SslMode.ToString().ToLowerInvariant() switch { "verifyca" => "verify-ca", "verifyfull" => "verify-full", var mode => mode };
        if (address.Username is { } user)
        {
            start.Environment["PGUSER"] = user;
        }

        if (address.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DyadException(DyadErrorKind.Unavailable, $"{tool} is not installed here (Debian: apt install postgresql-client).", e);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                if (output is not null)
                {
                    File.Delete(output);
                }

                throw new DyadException(DyadErrorKind.Unavailable, $"{tool} failed: {errors.Split('\n', 2)[0]}");
            }
        }
    }
}
