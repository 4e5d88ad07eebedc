using Dyad.Incidents;
using static Dyad.Core.Tests.Incidents.LinkSides;

namespace Dyad.Core.Tests.Incidents;

/// <summary>
/// The linker on invented incidents with known answers: 400 attacks in a Balochistan-sized area over six months, two
/// thirds reported by a GTD-like source (mostly "Unknown" perpetrator, the town's point) and most by an ACLED-like one
/// (a group or "Baloch Separatists", its own point), with the noise real reports have — a day's slip, kilometres
/// between points, a death more or less — and other attacks the same day in the same towns.
/// </summary>
public sealed class LinkingAccuracyTests
{
    private static readonly string[] GtdGroups = ["Baloch Liberation Army (BLA)", "Baloch Liberation Front (BLF)", "Baloch Republican Army (BRA)"];
    private static readonly string[] AcledGroups = ["BLA: Baloch Liberation Army", "BLF: Baloch Liberation Front", "BRA: Baloch Republican Army"];
    private static readonly (string Gtd, string Acled)[] Manners = [("Bombing/Explosion", "Remote explosive/landmine/IED"), ("Armed Assault", "Armed clash"), ("Hostage Taking (Kidnapping)", "Abduction/forced disappearance")];

    [Fact]
    public void Links_invented_reports_with_high_precision_and_recall()
    {
        var random = new Random(7);
        var towns = Enumerable.Range(0, 25).Select(_ => (Lat: 26 + (random.NextDouble() * 4), Lon: 63 + (random.NextDouble() * 5))).ToList();
        var gtd = new List<Dyad.Incidents.LinkSide>();
        var acled = new List<Dyad.Incidents.LinkSide>();
        var truth = new HashSet<(long, long)>();
        long id = 1;
        for (var incident = 0; incident < 400; incident++)
        {
            var day = new DateOnly(2021, 1, 1).AddDays(random.Next(181));
            var town = towns[random.Next(towns.Count)];
            var manner = random.Next(Manners.Length);
            var group = random.Next(GtdGroups.Length);
            var deaths = random.NextDouble() < 0.4 ? 0 : random.Next(1, 12);
            long? gtdId = null;
            if (random.NextDouble() < 0.65)
            {
                gtdId = id++;
                gtd.Add(Gtd(gtdId.Value, Slip(day, random, 0.1), town.Lat + Jitter(random, 2), town.Lon + Jitter(random, 2),
                    random.NextDouble() < 0.65 ? "Unknown" : GtdGroups[group], Manners[manner].Gtd, random.NextDouble() < 0.85 ? deaths : deaths + 1));
            }

            if (random.NextDouble() < 0.9)
            {
                var acledId = id++;
                var separatists = random.NextDouble() < 0.3;
                acled.Add(Acled(acledId, Slip(day, random, 0.15), town.Lat + Jitter(random, 8), town.Lon + Jitter(random, 8),
                    separatists ? "Baloch Separatists (Pakistan)" : AcledGroups[group], "Military Forces of Pakistan (2018-2022)", Manners[manner].Acled,
                    random.NextDouble() < 0.8 ? deaths : Math.Max(0, deaths + random.Next(-2, 3))));
                if (gtdId is { } g)
                {
                    truth.Add((g, acledId));
                }
            }
        }

        // Every GTD-ACLED pair within a day and 50 km is a candidate, as the store's search makes them.
        var candidates = gtd.SelectMany(g => acled.Where(a => LinkScorer.DayGap(g, a) <= 1
            && Dyad.Places.GreatCircle.Kilometres(g.Latitude!.Value, g.Longitude!.Value, a.Latitude!.Value, a.Longitude!.Value) <= LinkScorer.MaxKilometres)
            .Select(a => new LinkCandidate(g, a))).ToList();
        var links = new IncidentLinker(Scorer).Link(candidates, [], TestContext.Current.CancellationToken).Links.Select(l => (l.EventA, l.EventB)).ToHashSet();

        var correct = links.Count(truth.Contains);
        var precision = (double)correct / links.Count;
        var recall = (double)correct / truth.Count;
        TestContext.Current.TestOutputHelper?.WriteLine($"linking on invented reports: {truth.Count} true pairs, {candidates.Count} candidates, {links.Count} links, precision {precision:0.000}, recall {recall:0.000}");
        precision.ShouldBeGreaterThan(0.9);
        recall.ShouldBeGreaterThan(0.85);
    }

    private static DateOnly Slip(DateOnly day, Random random, double chance) => random.NextDouble() < chance ? day.AddDays(random.Next(2) == 0 ? -1 : 1) : day;

    /// <summary>Up to <paramref name="km"/> kilometres either way, in degrees.</summary>
    private static double Jitter(Random random, double km) => (random.NextDouble() - 0.5) * 2 * km / 111.0;
}
