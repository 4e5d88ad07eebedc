using System.Text.Json.Nodes;
using Dyad.Store;

namespace Dyad.App.Configuration;

/// <summary>The store a command opens when --db names none, and what chose it.</summary>
/// <param name="Store">A DuckDB file's path or a PostgreSQL address.</param>
/// <param name="Origin">What chose it, in words: "$DYAD_DB", "./dyad.json", the configuration file, or "the default".</param>
public sealed record StoreChoice(string Store, string Origin)
{
    /// <summary>The project file a folder may hold to name its store: <c>{ "db": "team.duckdb" }</c>, a path relative to the folder.</summary>
    public const string ProjectFile = "dyad.json";

    /// <summary>The <see cref="Origin"/> of the store in the user's folder that nothing else named.</summary>
    public const string DefaultOrigin = "the default";

    /// <summary>Whether nothing named the store and it is the one in the user's folder.</summary>
    public bool IsDefault => Origin == DefaultOrigin;

    /// <summary>The environment variable that names the store: how a team points every analyst at one server.</summary>
    public const string StoreVariable = "DYAD_DB";

    /// <summary>
    /// <c>$DYAD_DB</c>; else the <c>db</c> of a dyad.json in the current folder; else the configuration file's <c>db</c>;
    /// else <see cref="DyadFolders.DefaultStore"/> in the user's folder (made if missing).
    /// </summary>
    /// <exception cref="DyadException">BadInput: a dyad.json or configuration file that is not valid.</exception>
    public static StoreChoice Default() => Default(Environment.CurrentDirectory);

    /// <summary>As <see cref="Default()"/>, with <paramref name="folder"/> as the current folder.</summary>
    public static StoreChoice Default(string folder)
    {
        if (Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } named)
        {
            return new StoreChoice(named, $"${StoreVariable}");
        }

        var project = Path.Combine(folder, ProjectFile);
        if (File.Exists(project) && ProjectStore(project) is { } inProject)
        {
            return new StoreChoice(inProject, $"./{ProjectFile}");
        }

        if (UserConfiguration.Value(StoreVariable, "db") is { } configured)
        {
            return new StoreChoice(configured, UserConfiguration.FilePath);
        }

        Directory.CreateDirectory(DyadFolders.User);
        return new StoreChoice(DyadFolders.DefaultStore, DefaultOrigin);
    }

    /// <summary>The store a dyad.json names (a relative path is the file's folder's), or null when it names none.</summary>
    /// <exception cref="DyadException">BadInput: not a JSON object, or a "db" that is not text.</exception>
    private static string? ProjectStore(string path)
    {
        var document = JsonLayers.Parse(File.ReadAllText(path), path);
        if (!document.ContainsKey("db"))
        {
            return null;
        }

        if (document["db"] is not JsonValue db || !db.TryGetValue<string>(out var store) || store.Length == 0)
        {
            throw DyadException.BadInput($"{path}: \"db\" must be a store's path or address, as text, such as {{\"db\": \"team.duckdb\"}}.", path);
        }

        return EventStores.IsPostgres(store) ? store : Path.GetFullPath(store, Path.GetDirectoryName(path)!);
    }
}
