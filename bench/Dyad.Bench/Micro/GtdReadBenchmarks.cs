using BenchmarkDotNet.Attributes;
using Dyad.Events;
using Dyad.Ingest;

namespace Dyad.Bench.Micro;

/// <summary>Reading and mapping the real GTD 2021 file (4,960 rows, 135 columns): the import's parsing half.</summary>
[MemoryDiagnoser]
public class GtdReadBenchmarks
{
    private string _csv = "";
    private string _xlsx = "";

    [GlobalSetup]
    public void Locate()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Dyad.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Run the benchmarks from the repository.");
        }

        var shared = Path.Combine(root.FullName, "..", "shared", "data", "gtd");

        _csv = Path.Combine(shared, "globalterrorismdb_2021Jan-June_1222dist.csv");
        _xlsx = Path.Combine(shared, "globalterrorismdb_2021Jan-June_1222dist.xlsx");
    }

    [Benchmark(Baseline = true)]
    public int ReadCsv() => Count(_csv);

    [Benchmark]
    public int ReadXlsx() => Count(_xlsx);

    private static int Count(string path)
    {
        using var file = EventFile.Open(path);
        return file.ReadRows().Count(o => o is MappedRow);
    }
}
