namespace Dyad.Store.DuckDb;

/// <summary>
/// Backups: a whole store copied, in one transaction, into a new DuckDB file — a consistent snapshot taken by the
/// process that has the store open, so that a team's server can back up while it serves — and restored into a new store.
/// </summary>
public sealed partial class DuckDbEventStore
{
    /// <summary>Copies the whole store into <paramref name="target"/>, a new file; returns its size in bytes.</summary>
    /// <exception cref="DyadException">Conflict: the file exists (a backup never overwrites). BadUsage: its folder does not exist.</exception>
    public override long BackupTo(string target)
    {
        var full = System.IO.Path.GetFullPath(target);
        RefuseExisting(target, full, "back up into");
        string source;
        using (var current = Command("SELECT current_database()"))
        {
            source = (string)current.ExecuteScalar()!;
        }

        try
        {
            var quoted = source.Replace("\"", "\"\"", StringComparison.Ordinal);
            Execute(_connection, $"ATTACH '{Sql(full)}' AS dyad_backup; COPY FROM DATABASE \"{quoted}\" TO dyad_backup; DETACH dyad_backup;");
        }
        catch
        {
            Execute(_connection, "DETACH DATABASE IF EXISTS dyad_backup");
            File.Delete(full);
            throw;
        }

        return new FileInfo(full).Length;
    }

    /// <summary>
    /// Makes the store <paramref name="target"/> (a new file) from the backup <paramref name="backup"/>, and opens it,
    /// which brings an older backup's schema up to date.
    /// </summary>
    /// <exception cref="DyadException">Conflict: the target exists (a restore never overwrites a store). BadInput: the backup is not a Dyad store.</exception>
    public static DuckDbEventStore Restore(string backup, string target, TimeProvider? clock = null)
    {
        var full = System.IO.Path.GetFullPath(target);
        RefuseExisting(target, full, "restore into");
        if (!File.Exists(backup))
        {
            throw DyadException.BadInput($"{backup}: no such backup.", backup);
        }

        if (!IsStore(backup))
        {
            throw DyadException.BadInput($"{backup}: not a Dyad store or backup; nothing was restored.", backup);
        }

        File.Copy(backup, full);
        return Open(target, clock);
    }

    /// <summary>A DuckDB file with Dyad's schema in it.</summary>
    private static bool IsStore(string path) =>
        IsDuckDbFile(System.IO.Path.GetFullPath(path)) && ReadOnlyScalar(path, "SELECT count(*) FROM schema_versions") is long versions && versions > 0;

    private static void RefuseExisting(string target, string full, string what)
    {
        if (File.Exists(full) || File.Exists(full + ".wal"))
        {
            throw new DyadException(DyadErrorKind.Conflict, $"{target} exists; Dyad does not {what} a file that is there already. Name a new file.");
        }

        if (System.IO.Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw DyadException.BadUsage($"{target}: the folder {folder} does not exist.");
        }
    }
}
