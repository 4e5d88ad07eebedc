using Dyad.Attribution.Attacks;

namespace Dyad.Attribution.Explaining;

/// <summary>
/// The earlier attacks with a known perpetrator most like a given one: same province and district, same attack,
/// weapon and target types, near in space and in time — and only attacks of the same kind (a bombing beside bombings,
/// never an air strike beside an IED). A plain score an analyst can check, not the model's view.
/// </summary>
internal sealed class SimilarAttacks
{
    private readonly Dictionary<string, List<Attack>> _byCountry = new(StringComparer.Ordinal);
    private readonly Func<string, string> _display;

    public SimilarAttacks(IEnumerable<Attack> known, Func<string, string> display)
    {
        _display = display;
        foreach (var attack in known.Where(a => a.Status == PerpetratorStatus.Known))
        {
            var key = attack.Country ?? "";
            if (!_byCountry.TryGetValue(key, out var list))
            {
                _byCountry[key] = list = [];
            }

            list.Add(attack);
        }
    }

    public IReadOnlyList<SimilarAttack> Find(Attack attack, int count = 5)
    {
        if (!_byCountry.TryGetValue(attack.Country ?? "", out var candidates))
        {
            return [];
        }

        return candidates
            .Where(c => c.Date < attack.Date && c.EventId != attack.EventId && Kind(c) == Kind(attack))
            .Select(c => (Candidate: c, Score: Score(attack, c, out var km, out var shared), Km: km, Shared: shared))
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Candidate.Date).ThenBy(s => s.Candidate.EventId)
            .Take(count)
            .Select(s => new SimilarAttack(s.Candidate.EventId, s.Candidate.Event.Dataset, s.Candidate.Event.DatasetId, s.Candidate.Date,
                _display(s.Candidate.Perpetrator!), Place(s.Candidate), s.Km, s.Shared, s.Candidate.SourceReference))
            .ToList();
    }

    /// <summary>What kind of attack it is: its attack type where the source codes one (GTD), else its subtype (ACLED), else its type.</summary>
    private static string Kind(Attack a)
    {
        var c = a.Event.Category;
        return c.AttackTypes is [var first, ..] && first != "Unknown" ? first
            : !a.Event.Dataset.StartsWith("ucdp", StringComparison.Ordinal) && c.Subtype is { } subtype ? subtype
            : c.Type ?? "";
    }

    private static double Score(Attack a, Attack b, out double? km, out IReadOnlyList<string> shared)
    {
        var matches = new List<string>();
        double score = 0;
        if (a.Province is not null && a.Province == b.Province)
        {
            score += 3;
            matches.Add("province");
        }

        if (a.District is not null && a.District == b.District)
        {
            score += 2;
            matches.Add("district");
        }

        score += Same(a.Event.Category.AttackTypes, b.Event.Category.AttackTypes, "attack type", 1, matches);
        score += Same(a.Event.Category.WeaponTypes, b.Event.Category.WeaponTypes, "weapon", 1, matches);
        score += Same(a.Event.Category.TargetTypes, b.Event.Category.TargetTypes, "target", 1, matches);
        score += Same(a.Event.Category.TargetSubtypes, b.Event.Category.TargetSubtypes, "target subtype", 0.5, matches);
        if (a.Event.Category.Suicide == true && b.Event.Category.Suicide == true)
        {
            score += 1;
            matches.Add("suicide attack");
        }

        km = null;
        if (a.Event.Place is { Latitude: { } lat1, Longitude: { } lon1 } && b.Event.Place is { Latitude: { } lat2, Longitude: { } lon2 })
        {
            km = Places.GreatCircle.Kilometres(lat1, lon1, lat2, lon2);
            score += 2 * Math.Exp(-km.Value / 50);
        }

        score += Math.Exp(-(a.Date.DayNumber - b.Date.DayNumber) / 365.0);
        shared = matches;
        return score;
    }

    private static double Same(IReadOnlyList<string> a, IReadOnlyList<string> b, string name, double weight, List<string> matches)
    {
        if (a.Count == 0 || b.Count == 0 || a[0] != b[0] || a[0] == "Unknown")
        {
            return 0;
        }

        matches.Add(name);
        return weight;
    }

    private static string? Place(Attack attack) =>
        string.Join(", ", new[] { attack.Event.Place.Name, attack.Event.Place.Admin2, attack.Event.Place.Admin1 }.Where(p => !string.IsNullOrEmpty(p)).Distinct()) is { Length: > 0 } text
            ? text
            : null;
}
