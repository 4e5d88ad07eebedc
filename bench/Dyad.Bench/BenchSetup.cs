namespace Dyad.Bench;

/// <summary>Where the benchmarks find the repository and ../shared, and how they read their options.</summary>
internal static class BenchSetup
{
    public static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dyad.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository (Dyad.slnx not found above it).");
    }

    public static string Shared(string root) => Path.GetFullPath(Path.Combine(root, "..", "shared"));
}
