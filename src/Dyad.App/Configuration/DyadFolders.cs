namespace Dyad.App.Configuration;

/// <summary>
/// Where Dyad's files live. Two kinds, kept apart so that an upgrade never touches a user's work:
/// <list type="bullet">
/// <item>the data that ships with this version (registry/, gazetteer/, samples/), read-only, beside the program —
/// or in <c>$DYAD_DATA</c>, which <c>./dyad</c> points at the repository's data/ so that a developer's edit needs no build;</item>
/// <item>the user's own folder — <c>$DYAD_HOME</c>, else the platform's place for an application's data
/// (<c>$XDG_DATA_HOME/dyad</c> or <c>~/.local/share/dyad</c> on Linux, <c>%APPDATA%\Dyad</c> on Windows,
/// <c>~/Library/Application Support/Dyad</c> on macOS) — holding the default store and the user's layer of the
/// registry and the gazetteer (registry/, gazetteer/), merged over the shipped data.</item>
/// </list>
/// </summary>
public static class DyadFolders
{
    public const string DataVariable = "DYAD_DATA";
    public const string HomeVariable = "DYAD_HOME";

    /// <summary>The data shipped with this version of Dyad.</summary>
    public static string Shipped =>
        Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } data ? Path.GetFullPath(data) : AppContext.BaseDirectory;

    public static string ShippedRegistry => Path.Combine(Shipped, "registry");

    public static string ShippedGazetteer => Path.Combine(Shipped, "gazetteer");

    public static string Samples => Path.Combine(Shipped, "samples");

    /// <summary>The user's own folder (it may not exist yet).</summary>
    public static string User
    {
        get
        {
            if (Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } home)
            {
                return Path.GetFullPath(home);
            }

            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "Dyad");
            }

            return OperatingSystem.IsMacOS()
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Application Support", "Dyad")
                : Xdg("XDG_DATA_HOME", Path.Combine(".local", "share"));
        }
    }

    /// <summary>Dyad's folder in one of the XDG base directories: the variable's, else the folder of that name in the home folder.</summary>
    internal static string Xdg(string variable, string inHome) =>
        Path.Combine(Environment.GetEnvironmentVariable(variable) is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), inHome), "dyad");

    /// <summary>The user's layer of the actor registry, leaders and turning events (actors.json, leaders.json, turns.json).</summary>
    public static string UserRegistry => Path.Combine(User, "registry");

    /// <summary>The user's layer of the gazetteer (places.json: places the shipped gazetteer lacks).</summary>
    public static string UserGazetteer => Path.Combine(User, "gazetteer");

    /// <summary>The store a command uses when nothing names another.</summary>
    public static string DefaultStore => Path.Combine(User, "dyad.duckdb");

    /// <summary>How the user starts Dyad, for the commands Dyad suggests: <c>./dyad</c> from a clone (set by that script), else <c>dyad</c>.</summary>
    public static string Command => Environment.GetEnvironmentVariable("DYAD_COMMAND") is { Length: > 0 } command ? command : "dyad";
}
