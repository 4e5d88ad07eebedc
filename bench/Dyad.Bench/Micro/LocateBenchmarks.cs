using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dyad.Events;
using Dyad.Ingest;
using Dyad.Places;

namespace Dyad.Bench.Micro;

/// <summary>
/// Locating 200,000 points in the gazetteer's provinces and districts, as the import does for every event with
/// coordinates. The points are the real GTD 2021 Afghan and Pakistani coordinates, repeated with a small seeded jitter
/// (so that no two are the same point), with the outside-the-outlines share the real data has.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, iterationCount: 5, warmupCount: 1)]
public class LocateBenchmarks
{
    private const int Points = 200_000;
    private Gazetteer _gazetteer = null!;
    private (double Lat, double Lon)[] _points = [];

    [GlobalSetup]
    public void Load()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Dyad.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Run the benchmarks from the repository.");
        }

        _gazetteer = Gazetteer.Load(Path.Combine(root.FullName, "data", "gazetteer"));
        using var file = EventFile.Open(Path.Combine(root.FullName, "..", "shared", "data", "gtd", "globalterrorismdb_2021Jan-June_1222dist.csv"));
        var real = file.ReadRows().OfType<MappedRow>().Select(m => m.Event.Place)
            .Where(p => p.Country is "Afghanistan" or "Pakistan" && p.Latitude is not null && p.Longitude is not null)
            .Select(p => (p.Latitude!.Value, p.Longitude!.Value)).ToArray();
        var random = new Random(2021);
        _points = [.. Enumerable.Range(0, Points).Select(i => real[i % real.Length]).Select(p => (p.Item1 + ((random.NextDouble() - 0.5) * 0.01), p.Item2 + ((random.NextDouble() - 0.5) * 0.01)))];
    }

    [Benchmark]
    public int Locate200kPoints()
    {
        var found = 0;
        foreach (var (lat, lon) in _points)
        {
            if (_gazetteer.Locate(lat, lon).Admin2 is not null)
            {
                found++;
            }
        }

        return found;
    }
}
