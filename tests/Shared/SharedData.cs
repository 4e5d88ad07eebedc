namespace Dyad.Testing;

/// <summary>
/// The real GTD, ACLED and UCDP files in <c>../shared/data</c> beside the repository (licensed for research use: read
/// there, never copied in). Tests that need them skip, saying why, when the folder is not there.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared data folder, or null. DYAD_SHARED_DATA overrides where it is looked for.</summary>
    public static string? Folder { get; } = Locate();

    public static string SkipReason => $"../shared/data is not present beside the repository ({RepositoryRoot}); the real-data tests need it.";

    /// <summary>The full path of a file in the shared data folder; skips the test when the folder is absent.</summary>
    public static string File(string relative)
    {
        Assert.SkipWhen(Folder is null, SkipReason);
        var path = Path.Combine(Folder!, relative);
        Assert.SkipUnless(System.IO.File.Exists(path), $"{path} is missing from the shared data.");
        return path;
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("DYAD_SHARED_DATA");
        var folder = configured ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(folder) ? folder : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Dyad.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find Dyad.slnx above the test's folder.");
    }
}
