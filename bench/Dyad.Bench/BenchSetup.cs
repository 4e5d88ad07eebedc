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

    /// <summary>The benchmarks' scratch folder (scaled files and stores are cached there between runs).</summary>
    public static string Work()
    {
        var work = Path.Combine(Path.GetTempPath(), "dyad-bench");
        Directory.CreateDirectory(work);
        return work;
    }

    /// <summary>The real 2021 GTD CSV scaled to <paramref name="rows"/> rows by the peers' scale_csv.py, made once and cached.</summary>
    public static string ScaledGtd(string shared, int rows)
    {
        var file = Path.Combine(Work(), $"gtd_{rows}.csv");
        if (!File.Exists(file))
        {
            Import.MeasuredRun.Of("/usr/bin/python3", Path.Combine(shared, "peers", "scale_csv.py"), Path.Combine(shared, GtdCsv), file,
                "--rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return file;
    }

    public const string GtdCsv = "data/gtd/globalterrorismdb_2021Jan-June_1222dist.csv";
}
