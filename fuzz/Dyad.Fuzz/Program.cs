using Dyad;
using Dyad.Actors;
using Dyad.Claims;
using Dyad.Events;
using Dyad.Ingest;
using Dyad.Places;
using SharpFuzz;

// AFL++ runs this through SharpFuzz (scripts/fuzz.sh): `Dyad.Fuzz import` reads each input as a delimited file the way
// `dyad import` does, `Dyad.Fuzz claims REPOSITORY` parses it as a claim's statement. A DyadException is Dyad refusing
// bad input with a message, as it should; anything else escaping is a crash that AFL++ keeps.
var target = args.FirstOrDefault();
switch (target)
{
    case "import":
        var path = Path.Combine(Path.GetTempPath(), $"dyad-fuzz-{Environment.ProcessId}.csv");
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using (var file = File.Create(path))
            {
                stream.CopyTo(file);
            }

            Import(path);
        });
        return 0;
    case "claims" when args.Length > 1:
        // Built inside the first run: instrumented code may run only once SharpFuzz has set up AFL++'s shared memory.
        ClaimParser? parser = null;
        Fuzzer.OutOfProcess.Run(stream =>
        {
            parser ??= new ClaimParser(
                ActorRegistry.Parse(File.ReadAllText(Path.Combine(args[1], "data", "registry", "actors.json"))),
                Gazetteer.Load(Path.Combine(args[1], "data", "gazetteer")));
            using var reader = new StreamReader(stream);
            parser.Parse(reader.ReadToEnd(), new DateOnly(2021, 8, 26));
        });
        return 0;
    default:
        Console.Error.WriteLine("usage: Dyad.Fuzz import | claims REPOSITORY   (run by scripts/fuzz.sh under afl-fuzz)");
        return 2;
}

static void Import(string path)
{
    try
    {
        using var file = EventFile.Open(path);
        foreach (var outcome in file.ReadRows())
        {
            _ = outcome is MappedRow mapped ? mapped.Event.DatasetId : ((RejectedRow)outcome).Reason;
        }

        _ = file.Warnings;
    }
    catch (DyadException)
    {
        // Refused with a message: the behaviour wanted for a file that cannot be read.
    }
}
