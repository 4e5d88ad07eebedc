using System.Diagnostics;
using System.Globalization;

namespace Dyad.Bench.Import;

/// <summary>One run of a command under GNU time: its wall-clock seconds, peak resident memory and standard output.</summary>
internal sealed record MeasuredRun(double Seconds, double PeakMegabytes, string Output)
{
    public static MeasuredRun Of(string program, params string[] arguments)
    {
        var timeFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "%e %M", "-o", timeFile, program, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}");
        }

        var measured = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ');
        File.Delete(timeFile);
        return new MeasuredRun(double.Parse(measured[0], CultureInfo.InvariantCulture), double.Parse(measured[1], CultureInfo.InvariantCulture) / 1024, output.Result);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
