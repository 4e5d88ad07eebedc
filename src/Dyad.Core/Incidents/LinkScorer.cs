using System.Globalization;
using Dyad.Actors;
using Dyad.Events;

namespace Dyad.Incidents;

/// <summary>
/// Scores a pair of events as reports of one incident. Each kind of evidence earns or loses points, and every point
/// comes with its reason, so that an analyst can check a link:
/// <list type="bullet">
/// <item>time: the same day +2, overlapping days +1.5, a day apart +1 (a report's date can slip by a day); dates known
/// only to the month earn nothing;</item>
/// <item>place: within 2 km +2, 10 km +1.5, 25 km +1, 50 km 0 (a town's coordinates in one source, the district's
/// centre in another); the same district without coordinates +1;</item>
/// <item>deaths, where both give them: the same number +2 (+0.5 when both are zero), close +1, far apart −1.5;</item>
/// <item>manner (explosive, armed, kidnapping): the same +1, different −1;</item>
/// <item>actors, through the registry: the same group (or one of its provinces) +2, factions of one movement 0 (sources
/// often differ on which of the BLA and the BLF struck), different named groups −2; a source that names nobody
/// ("Unknown") neither helps nor hurts, and the link is marked as naming the unknown.</item>
/// </list>
/// Two datasets' events are linked at <see cref="CrossDatasetThreshold"/> points or more; two rows of one dataset
/// only when they agree on everything (the source's own duplicate; see <see cref="IsOwnDuplicate"/>).
/// </summary>
public sealed class LinkScorer(ActorRegistry registry)
{
    /// <summary>The most a pair can earn: same day, same place, same deaths, same manner, same group.</summary>
    public const double MaxPoints = 9;

    /// <summary>
    /// Chosen on the invented fixtures in the tests and checked on the GTD/ACLED overlap in Balochistan: a same-day
    /// event in the same town agreeing on one more thing links; a neighbouring town's event a day apart does not.
    /// </summary>
    public const double CrossDatasetThreshold = 4.5;

    /// <summary>Rows of one dataset must earn every point (and more: see <see cref="IsOwnDuplicate"/>).</summary>
    public const double WithinDatasetThreshold = MaxPoints;

    /// <summary>Farthest apart two events with coordinates can be and still report one incident.</summary>
    public const double MaxKilometres = 50;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The score of a pair, or null when the pair is too far apart in time or place to be one incident.</summary>
    public LinkScore? Score(LinkCandidate candidate)
    {
        var (a, b) = (candidate.A, candidate.B);
        var reasons = new List<string>();
        var points = 0.0;

        var gap = DayGap(a, b);
        if (gap > 1)
        {
            return null;
        }

        if (a.Precision != DatePrecision.Day || b.Precision != DatePrecision.Day)
        {
            reasons.Add("dates overlap only to the month");
        }
        else if (gap == 0 && a.Start == a.End && b.Start == b.End)
        {
            points += 2;
            reasons.Add($"same day ({a.Start:yyyy-MM-dd})");
        }
        else if (gap == 0)
        {
            points += 1.5;
            reasons.Add("dates overlap");
        }
        else
        {
            points += 1;
            reasons.Add("one day apart");
        }

        if (Place(a, b, reasons) is not { } placePoints)
        {
            return null;
        }

        points += placePoints;
        points += Deaths(a, b, reasons);
        var manner = AttackManners.Agreement(a.Manner, b.Manner);
        if (manner != 0)
        {
            points += manner;
            reasons.Add(manner > 0 ? $"both {Word(a.Manner)}" : $"{Word(a.Manner)} against {Word(b.Manner)}");
        }

        points += Actors(a, b, reasons);

        var within = a.Dataset == b.Dataset;
        var accepted = within ? IsOwnDuplicate(a, b, points) : points >= CrossDatasetThreshold;
        return new LinkScore(Math.Clamp(points / MaxPoints, 0, 1), within ? LinkRules.WithinDataset : LinkRules.CrossDataset, reasons, accepted, points);
    }

    /// <summary>
    /// Two rows of one dataset are one incident only when they agree on everything that was coded: the same day,
    /// place, deaths, manner and group, and the same actors by name. Same-day attacks in one city are common (GTD
    /// places them all on the city's centre), and GTD curates its ids — two of its ids are two incidents by its own
    /// rules (it relates parts of one attack through its <c>related</c> field instead) — so GTD rows are never joined.
    /// </summary>
    private static bool IsOwnDuplicate(LinkSide a, LinkSide b, double points) =>
        a.Dataset != Datasets.Gtd && points >= WithinDatasetThreshold && a.PartOfMultiple != true && b.PartOfMultiple != true
        && string.Equals(a.Actor1, b.Actor1, StringComparison.Ordinal) && string.Equals(a.Actor2, b.Actor2, StringComparison.Ordinal);

    /// <summary>Days between the two events' spans: 0 when they overlap.</summary>
    public static int DayGap(LinkSide a, LinkSide b) =>
        Math.Max(0, Math.Max(a.Start.DayNumber - b.End.DayNumber, b.Start.DayNumber - a.End.DayNumber));

    private static double? Place(LinkSide a, LinkSide b, List<string> reasons)
    {
        var sameDistrict = a.Admin2Id is not null && a.Admin2Id == b.Admin2Id;
        if (a.HasPoint && b.HasPoint)
        {
            var km = Places.GreatCircle.Kilometres(a.Latitude!.Value, a.Longitude!.Value, b.Latitude!.Value, b.Longitude!.Value);
            var (points, fits) = km switch
            {
                <= 2 => (2.0, true),
                <= 10 => (1.5, true),
                <= 25 => (1.0, true),
                <= MaxKilometres => (0.0, true),
                _ => (0.0, sameDistrict),
            };
            if (!fits)
            {
                return null;
            }

            reasons.Add(string.Create(Invariant, $"{km:0.#} km apart"));
            return points;
        }

        if (sameDistrict)
        {
            reasons.Add("same district (no coordinates to compare)");
            return 1;
        }

        return null;
    }

    private static double Deaths(LinkSide a, LinkSide b, List<string> reasons)
    {
        if (a.Deaths is not { } x || b.Deaths is not { } y)
        {
            return 0;
        }

        if (x == y)
        {
            // No deaths agree on little (two protests in a city on a day), unless the rows are one report repeated word for word.
            var repeated = x == 0 && a.Dataset == b.Dataset && a.WordsHash is not null && a.WordsHash == b.WordsHash;
            reasons.Add(repeated ? "no deaths in either, in the same words" : x == 0 ? "no deaths in either" : $"{x} killed in both");
            return x == 0 && !repeated ? 0.5 : 2;
        }

        var close = Math.Abs(x - y) <= Math.Max(1, 0.25 * Math.Max(x, y));
        reasons.Add($"{x} and {y} killed");
        return close ? 1 : -1.5;
    }

    private double Actors(LinkSide a, LinkSide b, List<string> reasons)
    {
        var groupsA = NamedGroups(a);
        var groupsB = NamedGroups(b);
        if (groupsA.Count == 0 && groupsB.Count == 0)
        {
            return 0;
        }

        if (groupsA.Count == 0 || groupsB.Count == 0)
        {
            var (silent, naming, named) = groupsA.Count == 0 ? (a, b, groupsB) : (b, a, groupsA);
            reasons.Add($"{Label(silent.Dataset)} names no perpetrator ({silent.Actor1 ?? "no one"}); {Label(naming.Dataset)} names {string.Join(", ", named.Values.Distinct())}");
            return 0;
        }

        var shared = groupsA.Keys.Where(groupsB.ContainsKey).ToList();
        if (shared.Count > 0)
        {
            reasons.Add($"same group ({Label(a.Dataset)}: {groupsA[shared[0]]}; {Label(b.Dataset)}: {groupsB[shared[0]]})");
            return 2;
        }

        var both = $"{Label(a.Dataset)}: {string.Join(", ", groupsA.Values.Distinct())}; {Label(b.Dataset)}: {string.Join(", ", groupsB.Values.Distinct())}";
        var familiesB = groupsB.Keys.Select(registry.Family).ToHashSet(StringComparer.Ordinal);
        if (groupsA.Keys.Any(g => familiesB.Contains(registry.Family(g))))
        {
            // Sources often differ on which faction of a movement struck (the BLA or the BLF, the TTP or Jamaat-ul-Ahrar):
            // that is not evidence of two attacks.
            reasons.Add($"factions of one movement ({both})");
            return 0;
        }

        reasons.Add($"different groups ({both})");
        return -2;
    }

    /// <summary>
    /// The armed groups an event names, each keyed by its top organisation (IS-K as the Islamic State), with the name
    /// the source used for it.
    /// </summary>
    private Dictionary<string, string> NamedGroups(LinkSide side)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(side.Actor1Ids, side.Actor1);
        if (side.Roles == ActorRoles.Sides)
        {
            Add(side.Actor2Ids, side.Actor2);
        }

        return groups;

        void Add(IReadOnlyList<string> ids, string? name)
        {
            foreach (var id in ids)
            {
                if (registry.Find(id) is { Kind: "armed-group" } actor)
                {
                    groups.TryAdd(registry.Organisation(actor.Id), name ?? actor.Name);
                }
            }
        }
    }

    private static string Word(AttackManner manner) => manner switch
    {
        AttackManner.Explosive => "explosive",
        AttackManner.Armed => "armed attack",
        AttackManner.Kidnapping => "kidnapping",
        AttackManner.NonViolent => "not an attack",
        _ => manner.ToString().ToLowerInvariant(),
    };

    private static string Label(string dataset) => dataset switch
    {
        Datasets.Gtd => "GTD",
        Datasets.Acled => "ACLED",
        Datasets.UcdpGed => "UCDP",
        Datasets.Analyst => "the analyst's record",
        _ => dataset,
    };
}
