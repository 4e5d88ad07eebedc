using System.Runtime.CompilerServices;

namespace Dyad.Testing;

/// <summary>
/// Gives every test process a Dyad folder of its own (DYAD_HOME): a test that adds a name, records a turning event or
/// opens the default store writes there, never into the folder of the person running the tests; it goes when the
/// process ends.
/// </summary>
internal static class IsolatedUserFolder
{
    public static string Path { get; private set; } = "";

    [ModuleInitializer]
    internal static void Use()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dyad-tests", $"home-{Environment.ProcessId}");
        Directory.CreateDirectory(Path);
        Environment.SetEnvironmentVariable("DYAD_HOME", Path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file still open as the process ends: the system's temporary folder is cleaned in time.
            }
        };
    }
}
