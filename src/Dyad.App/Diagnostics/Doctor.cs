using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using Dyad.Analysis.Briefs;
using Dyad.App.Configuration;
using Dyad.Store;
using Microsoft.ML.Trainers.LightGbm;

namespace Dyad.App.Diagnostics;

/// <summary>One thing Dyad needs, whether this machine has it, and how to get it when it does not.</summary>
/// <param name="Fix">What to do about it; null when it is fine.</param>
public sealed record DoctorCheck(string Name, bool Ok, string Detail, string? Fix = null);

/// <summary>
/// Checks what Dyad needs on this machine: its shipped data, the user's folder and the store's folder writable, the
/// native libraries (DuckDB; LightGBM and the OpenMP runtime it loads, for attribution and forecasts), Chromium (PDF
/// briefs) and free disk space — and says, for each one missing, exactly what to install or change.
/// </summary>
public static class Doctor
{
    /// <summary>Less free space than this where the store lives, and an import of a large dataset may not fit.</summary>
    public const long MinimumFreeBytes = 1L << 30;

    /// <param name="store">The store commands open by default (a file's path or a PostgreSQL address).</param>
    public static IReadOnlyList<DoctorCheck> Run(string store) =>
    [
        ShippedData(),
        Writable("your Dyad folder", DyadFolders.User, $"set {DyadFolders.HomeVariable} to a folder you can write to"),
        EventStores.IsPostgres(store)
            ? new DoctorCheck("the store", true, "a PostgreSQL database: checked when a command connects to it")
            : Writable("the store's folder", Path.GetDirectoryName(Path.GetFullPath(store))!, "name a store in a folder you can write to with --db, or in a dyad.json"),
        DuckDb(),
        LightGbm(),
        Chromium(),
        FreeSpace(EventStores.IsPostgres(store) ? DyadFolders.User : Path.GetDirectoryName(Path.GetFullPath(store))!),
    ];

    /// <summary>
    /// When <paramref name="error"/> is a native library that would not load (LightGBM, its OpenMP runtime, DuckDB),
    /// what is missing and how to fix it, from the same check <c>dyad doctor</c> runs; null for any other error.
    /// </summary>
    public static DoctorCheck? NativeLibraryMissing(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is not (DllNotFoundException or EntryPointNotFoundException or BadImageFormatException))
            {
                continue;
            }

            var check = e.Message.Contains("lightgbm", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("gomp", StringComparison.OrdinalIgnoreCase)
                ? LightGbm()
                : e.Message.Contains("duckdb", StringComparison.OrdinalIgnoreCase) ? DuckDb() : null;
            return check is { Ok: false }
                ? check
                : new DoctorCheck(check?.Name ?? "a native library", false, e.Message, "run 'dyad doctor', which checks everything Dyad needs and says how to fix it");
        }

        return null;
    }

    private static DoctorCheck ShippedData()
    {
        string[] needed = [Path.Combine(DyadFolders.ShippedRegistry, "actors.json"), Path.Combine(DyadFolders.ShippedRegistry, "leaders.json"),
            Path.Combine(DyadFolders.ShippedGazetteer, "admin-units.json"), Path.Combine(DyadFolders.ShippedGazetteer, "places.json"), DyadFolders.Samples];
        var missing = needed.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        return missing.Count == 0
            ? new DoctorCheck("shipped data", true, $"registry, gazetteer and samples in {DyadFolders.Shipped}")
            : new DoctorCheck("shipped data", false, $"missing: {string.Join(", ", missing)}",
                "reinstall Dyad (the registry, gazetteer and samples travel with the program), or point DYAD_DATA at a folder that holds them");
    }

    private static DoctorCheck Writable(string name, string folder, string fix)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".dyad-doctor-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return new DoctorCheck(name, true, $"{folder} (writable)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DoctorCheck(name, false, $"{folder} cannot be written to: {e.Message}", fix);
        }
    }

    private static DoctorCheck DuckDb()
    {
        try
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            return new DoctorCheck("DuckDB (the embedded store)", true, $"DuckDB {connection.ServerVersion} loads");
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or TypeInitializationException or EntryPointNotFoundException)
        {
            return new DoctorCheck("DuckDB (the embedded store)", false, $"its native library does not load on {RuntimeInformation.RuntimeIdentifier}: {e.Message}",
                "install the Dyad build made for this platform (linux-x64, linux-arm64, win-x64, osx-arm64), or use a PostgreSQL store (DYAD_DB=postgres://…)");
        }
    }

    private static DoctorCheck LightGbm()
    {
        const string name = "LightGBM (attribution, forecasts)";
        // On Linux and macOS LightGBM loads the OpenMP runtime; its absence is the usual reason it fails, and has its own fix.
        if (OpenMp() is { } openMp && !NativeLibrary.TryLoad(openMp.Library, out _))
        {
            return new DoctorCheck(name, false, $"the OpenMP runtime LightGBM needs ({openMp.Library}) is not installed", openMp.Fix);
        }

        var assembly = typeof(LightGbmMulticlassTrainer).Assembly;
        if (NativeLibrary.TryLoad("lib_lightgbm", assembly, DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories, out _))
        {
            return new DoctorCheck(name, true, "lib_lightgbm and its OpenMP runtime load");
        }

        var rid = RuntimeInformation.RuntimeIdentifier;
        return new DoctorCheck(name, false, $"lib_lightgbm does not load on {rid} (ML.NET ships it for linux-x64, win-x64 and osx-x64 only)",
            RuntimeInformation.OSArchitecture == Architecture.Arm64 && OperatingSystem.IsMacOS()
                ? "install LightGBM 3.3 (brew install lightgbm libomp) and put its lib_lightgbm.dylib beside dyad, or run the osx-x64 build under Rosetta"
                : RuntimeInformation.OSArchitecture == Architecture.Arm64
                    ? "build LightGBM 3.3 from source (cmake, make) and put lib_lightgbm.so beside dyad; everything but attribution and forecasts works without it"
                    : OperatingSystem.IsWindows()
                        ? "install the Microsoft Visual C++ Redistributable (x64), whose vcomp140.dll is the OpenMP runtime LightGBM loads; or reinstall Dyad if lib_lightgbm.dll is not beside it"
                        : "reinstall Dyad: lib_lightgbm should be beside it");
    }

    /// <summary>The OpenMP runtime LightGBM is linked against on this system, and how to install it; null on Windows, where it comes with the Visual C++ runtime.</summary>
    private static (string Library, string Fix)? OpenMp() =>
        OperatingSystem.IsLinux() ? ("libgomp.so.1", "install the OpenMP runtime: sudo apt install libgomp1 (Debian, Ubuntu), sudo dnf install libgomp (Fedora)")
        : OperatingSystem.IsMacOS() ? (File.Exists("/opt/homebrew/opt/libomp/lib/libomp.dylib") ? "/opt/homebrew/opt/libomp/lib/libomp.dylib" : "/usr/local/opt/libomp/lib/libomp.dylib",
            "install the OpenMP runtime: brew install libomp")
        : null;

    private static DoctorCheck Chromium() => PdfPrinter.Chromium is { } chromium
        ? new DoctorCheck("Chromium (PDF briefs)", true, chromium)
        : new DoctorCheck("Chromium (PDF briefs)", false, "no Chromium, Chrome or Edge where Dyad looks",
            "install it (sudo apt install chromium; or Chrome or Edge), or set DYAD_CHROMIUM to its program; briefs as .html need none");

    private static DoctorCheck FreeSpace(string folder)
    {
        // On Unix DriveInfo asks the file system that holds the path itself; on Windows it wants the drive.
        var free = new DriveInfo(OperatingSystem.IsWindows() ? Path.GetPathRoot(Path.GetFullPath(folder))! : folder).AvailableFreeSpace;
        var text = $"{free / (double)(1L << 30):N1} GB free for {folder}";
        return free >= MinimumFreeBytes
            ? new DoctorCheck("disk space", true, text)
            : new DoctorCheck("disk space", false, text, "free at least 1 GB, or keep the store elsewhere (--db, dyad.json)");
    }
}
