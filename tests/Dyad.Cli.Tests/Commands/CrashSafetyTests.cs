using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Dyad.App.Fetching;
using Dyad.Store.DuckDb;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>
/// An import or a fetch killed without warning (SIGKILL) at ten points spread over the whole command — fetching,
/// reading, writing, placing, resolving, linking — leaves a store that opens with nothing of the command in it, or all
/// of it with everything derived from it; running the command again then gives the same store as an uninterrupted run.
/// </summary>
[Collection(nameof(FetchUcdpCommandTests))] // both set the UCDP token in the environment the dyad processes inherit
public sealed class CrashSafetyTests
{
    private const int Kills = 10;

    [Fact]
    public async Task Should_Leave_Nothing_Or_Everything_Derived_Whenever_An_Import_Is_Killed()
    {
        using var folder = new TempFolder();
        string[] files = [folder.Write("gtd.csv", GtdFile(12_000)), folder.Write("acled.csv", AcledFile(4_000))];

        var reference = folder.File("reference.duckdb");
        var watch = Stopwatch.StartNew();
        await RunToTheEnd(["import", .. files], reference);
        var whole = watch.Elapsed;
        var expected = Contents(reference);
        expected.Events.ShouldBe(16_000);
        expected.Links.ShouldBeGreaterThan(0, "the two files report some of the same incidents");

        var random = new Random(2026);
        var outcomes = new List<string>();
        for (var kill = 0; kill < Kills; kill++)
        {
            var db = folder.File($"killed_{kill}.duckdb");
            var after = whole * (0.1 + 0.9 * random.NextDouble());
            using (var process = Dyad(["import", .. files], db))
            {
                await Task.Delay(after, TestContext.Current.CancellationToken);
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            var left = Contents(db);
            left.ShouldBeOneOf([StoreContents.Empty, expected], $"killed after {after.TotalSeconds:F2} s of {whole.TotalSeconds:F2} s");
            outcomes.Add($"killed at {after.TotalSeconds:F2} s of {whole.TotalSeconds:F2} s: {(left == expected ? "all of it" : "nothing")}");

            await RunToTheEnd(["import", .. files], db);
            Contents(db).ShouldBe(expected, $"run again after a kill at {after.TotalSeconds:F2} s");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, outcomes));
    }

    private static async Task RunToTheEnd(string[] arguments, string db)
    {
        using var process = Dyad(arguments, db);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, await errors);
    }

    [Fact]
    public async Task Should_Fetch_And_Import_Exactly_Once_However_Often_A_Fetch_Is_Killed()
    {
        using var folder = new TempFolder();
        using var stub = new UcdpStub { PageSize = 3, Latency = TimeSpan.FromMilliseconds(60) };
        stub.Release("23.1", [.. Enumerable.Range(1, 45).Select(i => (i, $"2021-05-{1 + i % 28:00}", "Taleban", "IS", i % 7))]);
        Environment.SetEnvironmentVariable(DatasetFetch.UcdpTokenVariable, UcdpStub.Token);
        string[] fetch = ["fetch", "ucdp", "--version", "23.1", "--url", stub.Api];

        var reference = folder.File("reference.duckdb");
        var watch = Stopwatch.StartNew();
        await RunToTheEnd(fetch, reference);
        var whole = watch.Elapsed;
        var expected = Contents(reference);
        expected.Events.ShouldBe(45);

        var random = new Random(2027);
        for (var kill = 0; kill < Kills; kill++)
        {
            var db = folder.File($"fetch_{kill}.duckdb");
            var after = whole * (0.1 + 0.9 * random.NextDouble());
            using (var process = Dyad(fetch, db))
            {
                await Task.Delay(after, TestContext.Current.CancellationToken);
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            Contents(db).ShouldBeOneOf([StoreContents.Empty, expected], $"fetch killed after {after.TotalSeconds:F2} s of {whole.TotalSeconds:F2} s");
            await RunToTheEnd(fetch, db);
            Contents(db).ShouldBe(expected, $"fetched again after a kill at {after.TotalSeconds:F2} s");
        }
    }

    /// <summary>What a user can count in a store, after Dyad has opened it (and removed what a killed process left pending).</summary>
    private sealed record StoreContents(long Events, long Placed, long Resolved, long Links, long Covered, long Pending)
    {
        public static readonly StoreContents Empty = new(0, 0, 0, 0, 0, 0);
    }

    private static StoreContents Contents(string db)
    {
        if (!File.Exists(db))
        {
            return StoreContents.Empty;
        }

        DuckDbEventStore.Open(db).Dispose();
        using var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = db }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT (SELECT count(*) FROM events),
                   (SELECT count(*) FROM event_places),
                   (SELECT count(DISTINCT name) FROM actor_resolutions),
                   (SELECT count(*) FROM incident_links),
                   (SELECT count(*) FROM import_coverage),
                   (SELECT count(*) FROM pending_imports)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreContents(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    private static Process Dyad(string[] arguments, string db) =>
        Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "dyad.dll"), .. arguments, "--db", db, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

    /// <summary>Invented GTD rows over two years of days, in four Afghan provinces' capitals, by three invented groups.</summary>
    private static string GtdFile(int rows)
    {
        var text = new StringBuilder(Fixtures.GtdHeader).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var day = new DateOnly(2019, 1, 1).AddDays(i % 730);
            var (province, city, latitude, longitude) = Places[i % Places.Length];
            text.Append(CultureInfo.InvariantCulture,
                $"{i + 1},{day.Year},{day.Month},{day.Day},0,,4,Afghanistan,{province},{city},{latitude},{longitude},1,\"An invented attack.\",Invented Group {(char)('A' + i % 3)},,0,,3,Bombing/Explosion,Military,Invented Army,Explosives,{i % 5},0,1,0\n");
        }

        return text.ToString();
    }

    /// <summary>Invented ACLED rows: a third of them on the days and in the places of the GTD file's rows, so that some link.</summary>
    private static string AcledFile(int rows)
    {
        var text = new StringBuilder(Fixtures.AcledHeader).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var day = new DateOnly(2019, 1, 1).AddDays(i * 3 % 730);
            var (province, city, latitude, longitude) = Places[i * 3 % Places.Length];
            text.Append(CultureInfo.InvariantCulture,
                $"AFG{i + 1},{day:yyyy-MM-dd},{day.Year},1,Explosions/Remote violence,Remote explosive/landmine/IED,Invented Group {(char)('A' + i * 3 % 3)},,Military Forces of Afghanistan (2014-2021),,Afghanistan,{province},{city},{city},{latitude},{longitude},1,Invented source,An invented attack.,{i * 3 % 5}\n");
        }

        return text.ToString();
    }

    private static readonly (string Province, string City, double Latitude, double Longitude)[] Places =
    [
        ("Nangarhar", "Jalalabad", 34.43, 70.45),
        ("Kabul", "Kabul", 34.53, 69.17),
        ("Kandahar", "Kandahar", 31.61, 65.71),
        ("Kunar", "Asadabad", 34.87, 71.15),
    ];
}
