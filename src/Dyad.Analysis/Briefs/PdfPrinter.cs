using System.Diagnostics;

namespace Dyad.Analysis.Briefs;

/// <summary>Prints an HTML file to PDF with headless Chromium (Debian's package chromium; Chrome or Edge elsewhere).</summary>
public static class PdfPrinter
{
    /// <summary>Where Chromium is looked for: <c>$DYAD_CHROMIUM</c>, then where Linux, macOS and Windows install it.</summary>
    public static IEnumerable<string> Candidates =>
        new[] { Environment.GetEnvironmentVariable("DYAD_CHROMIUM") }.OfType<string>().Where(c => c.Length > 0).Concat(
        [
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            @"C:\Program Files\Google\Chrome\Application\chrome.exe", @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
        ]);

    public static string? Chromium => Candidates.FirstOrDefault(File.Exists);

    /// <exception cref="DyadException">NotFound: no Chromium; BadInput: Chromium failed.</exception>
    public static void Print(string htmlPath, string pdfPath)
    {
        var chromium = Chromium ?? throw new DyadException(DyadErrorKind.NotFound,
            "printing to PDF needs Chromium: install Debian's 'chromium' package, or write the brief as .html and print it from a browser.");
        var profile = Directory.CreateTempSubdirectory("dyad-chromium-");
        try
        {
            // The flags keep Chromium from reaching out to the network, which this kind of machine does not allow.
            var start = new ProcessStartInfo(chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--no-pdf-header-footer",
                $"--print-to-pdf={Path.GetFullPath(pdfPath)}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            ])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start) ?? throw DyadException.BadInput($"could not start {chromium}.");
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
            }

            if (!File.Exists(pdfPath))
            {
                throw DyadException.BadInput($"{chromium} did not print {pdfPath}: {errors.Result.Trim()}", pdfPath);
            }
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
