using System.Text.Json;

namespace Dyad.App.Configuration;

/// <summary>
/// The user's own settings: the store a command uses when --db names none, and the datasets' API credentials, which
/// Dyad never takes on the command line. Each comes from its environment variable, else from the configuration file —
/// <c>$DYAD_CONFIG</c>, else <c>$XDG_CONFIG_HOME/dyad/config.json</c> (<c>~/.config/dyad/config.json</c>):
/// <code>{ "db": "postgres://ana@db.example.org/dyad", "ucdp_token": "…", "acled_username": "…", "acled_password": "…" }</code>
/// A file that holds a secret must be readable by its owner alone (chmod 600), as ssh asks of its keys.
/// </summary>
public static class UserConfiguration
{
    public const string FileVariable = "DYAD_CONFIG";

    private static readonly string[] Secrets = ["ucdp_token", "acled_username", "acled_password"];

    /// <summary>The configuration file Dyad reads (it may not exist).</summary>
    public static string FilePath =>
        Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } configured ? configured : Path.Combine(DyadFolders.Xdg("XDG_CONFIG_HOME", ".config"), "config.json");

    /// <summary>Dyad's folder in the user's cache (<c>$XDG_CACHE_HOME/dyad</c>, <c>~/.cache/dyad</c>): what can be fetched again.</summary>
    public static string CacheFolder => DyadFolders.Xdg("XDG_CACHE_HOME", ".cache");

    /// <summary>The value of <paramref name="variable"/> in the environment, else of <paramref name="key"/> in the file; null if neither.</summary>
    /// <exception cref="DyadException">BadInput: the file is not valid JSON, or holds a secret others may read.</exception>
    public static string? Value(string variable, string key) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : FileValues().GetValueOrDefault(key);

    private static Dictionary<string, string> FileValues()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return [];
        }

        Dictionary<string, string> values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
        }
        catch (JsonException e)
        {
            throw DyadException.BadInput($"{path}: not a Dyad configuration (a JSON object of text values): {e.Message}", path, inner: e);
        }

        if (!OperatingSystem.IsWindows() && values.Keys.Any(Secrets.Contains)
            && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            throw DyadException.BadInput($"{path} holds credentials and others may read it: make it yours alone (chmod 600 {path}).", path);
        }

        return values;
    }
}
