using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dyad.Bench.Rivalry;

namespace Dyad.Bench.Server;

/// <summary>
/// 'dyad serve' under load: wrk (Debian's) against a page of 100 events with a filter and against the rivalry summary,
/// on loopback, on the 2,000,000-event store the rivalry benchmark builds, each for --seconds (300 by default) at about
/// --rate requests a second (wrk's connections each wait between requests; wrk has no fixed rate of its own). Prints
/// wrk's latency percentiles, the rate reached, errors, and the server's resident memory in the first and the last
/// minute. The server and wrk share this machine's two cores.
/// </summary>
internal static partial class ServerBenchmark
{
    public static int Run(string[] args)
    {
        var rows = int.Parse(BenchSetup.Option(args, "--rows", "2000000"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(BenchSetup.Option(args, "--seconds", "300"), CultureInfo.InvariantCulture);
        var rate = int.Parse(BenchSetup.Option(args, "--rate", "500"), CultureInfo.InvariantCulture);
        var connections = int.Parse(BenchSetup.Option(args, "--connections", "50"), CultureInfo.InvariantCulture);
        var root = BenchSetup.RepositoryRoot();
        var dyad = Path.Combine(root, "dyad");
        var db = RivalryComparison.Store(root, rows);
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("bench server needs wrk: apt-get install wrk");
            return 2;
        }

        var user = "bench-" + Guid.NewGuid().ToString("N")[..8];
        Dyad(dyad, "users", "add", user, "--role", "viewer", "--db", db, "--json");
        var token = JsonDocument.Parse(Dyad(dyad, "users", "token", user, "--db", db, "--json")).RootElement.GetProperty("token").GetString()!;
        const string Address = "http://127.0.0.1:5097";
        using var server = Process.Start(new ProcessStartInfo(dyad, ["serve", "--db", db, "--urls", Address, "--requests-per-minute", "10000000"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            WaitUntilServing(Address);
            var script = Path.Combine(BenchSetup.Work(), "wrk-dyad.lua");
            // Each connection waits so that all of them together ask about --rate times a second.
            File.WriteAllText(script, $$"""
                wrk.headers["Authorization"] = "Bearer {{token}}"
                function delay() return {{1000 * connections / rate}} end
                """);
            Console.WriteLine($"dyad serve on {rows:N0} events; wrk, {connections} connections, about {rate} requests/s, {seconds} s each; the server's memory every 10 s.");
            Console.WriteLine($"{"endpoint",-58} {"req/s",7} {"p50 ms",7} {"p90 ms",7} {"p99 ms",7} {"max ms",8} {"errors",7} {"RSS MB first→last minute",26}");
            foreach (var (name, path) in new[]
            {
                ("events: IS-K in Nangarhar, a page of 100", "/api/events?actor=IS-K&province=Nangarhar&limit=100"),
                ("events: Afghanistan from 2019, a page of 100", "/api/events?country=Afghanistan&from=2019&limit=100"),
                ("rivalry IS-K / Taliban by month", "/api/rivalry?a=IS-K&b=Taliban"),
            })
            {
                // A first request outside the measure: the matches of an actor and a rivalry are made once, then kept.
                Warm(Address + path, token);
                var memory = new List<(double Seconds, double Megabytes)>();
                var clock = Stopwatch.StartNew();
                using var sampling = new Timer(_ => memory.Add((clock.Elapsed.TotalSeconds, Rss(server.Id))), null, 0, 10_000);
                var output = Wrk(script, connections, seconds, Address + path);
                sampling.Change(Timeout.Infinite, Timeout.Infinite);
                var first = memory.Where(m => m.Seconds <= 60).Select(m => m.Megabytes).DefaultIfEmpty(double.NaN).Max();
                var last = memory.Where(m => m.Seconds >= clock.Elapsed.TotalSeconds - 60).Select(m => m.Megabytes).DefaultIfEmpty(double.NaN).Max();
                Console.WriteLine($"{name,-58} {Number(RequestsPerSecond(), output),7} {Latency("50", output),7} {Latency("90", output),7} {Latency("99", output),7} " +
                    $"{Number(MaxLatency(), output),8} {Errors(output),7} {$"{first:0}→{last:0}",26}");
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            Dyad(dyad, "users", "remove", user, "--db", db);
        }

        return 0;
    }

    private static string Dyad(string dyad, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(dyad, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"dyad {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }

    private static void WaitUntilServing(string address)
    {
        using var client = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if (client.GetAsync(address + "/api/session").GetAwaiter().GetResult().StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Thread.Sleep(500);
        }

        throw new TimeoutException("dyad serve did not answer within five minutes.");
    }

    private static void Warm(string url, string token)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        client.GetAsync(url).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    private static string Wrk(string script, int connections, int seconds, string url)
    {
        using var wrk = Process.Start(new ProcessStartInfo("/usr/bin/wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "10s", "-s", script, url])
        {
            RedirectStandardOutput = true,
        })!;
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        return output;
    }

    /// <summary>The process's resident memory in MB.</summary>
    private static double Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>A latency percentile from wrk's --latency table, in milliseconds.</summary>
    private static string Latency(string percentile, string output) =>
        Regex.Match(output, $@"^\s+{percentile}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline) is { Success: true } m ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : "?";

    private static string Number(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } m ? m.Groups.Count > 2 ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : m.Groups[1].Value : "?";

    private static string Milliseconds(string value, string unit) =>
        (double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "us" => 0.001, "s" => 1000, _ => 1 }).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Socket errors and answers other than 2xx or 3xx.</summary>
    private static long Errors(string output)
    {
        var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)") is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)") is { Success: true } s
            ? Enumerable.Range(1, 4).Sum(g => long.Parse(s.Groups[g].Value, CultureInfo.InvariantCulture))
            : 0;
        return non2xx + socket;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)", RegexOptions.Multiline)]
    private static partial Regex MaxLatency();
}
