using Dyad.Attribution.Attacks;
using Dyad.Events;

namespace Dyad.Attribution.Tests;

/// <summary>An invented world for attribution tests: groups that each keep to their own provinces and ways.</summary>
internal static class SyntheticAttacks
{
    public static readonly AttributionSetting Setting = new(group => group, _ => []);

    /// <summary>A clock that always says the same: models made with it are the same byte for byte.</summary>
    public static readonly TimeProvider Clock = new FixedClock();

    /// <summary>
    /// Group "north" attacks only in provinces n1 and n2, mostly with firearms; "south" only in s1 and s2, mostly with
    /// explosives; one attack in ten is by a small group "rare". Dates run over two years, a few attacks a day.
    /// </summary>
    public static List<Attack> World(int count = 800, int seed = 7)
    {
        var random = new Random(seed);
        var attacks = new List<Attack>(count);
        var start = new DateOnly(2019, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var group = random.NextDouble() < 0.1 ? "rare" : random.NextDouble() < 0.5 ? "north" : "south";
            var province = group switch
            {
                "north" => random.NextDouble() < 0.5 ? "n1" : "n2",
                "south" => random.NextDouble() < 0.5 ? "s1" : "s2",
                _ => random.NextDouble() < 0.5 ? "n1" : "s1",
            };
            var weapon = group == "north" ^ random.NextDouble() < 0.15 ? "Firearms" : "Explosives";
            attacks.Add(Of(i + 1, start.AddDays(i * 730 / count), province, weapon, group));
        }

        return attacks;
    }

    public static Attack Of(long id, DateOnly date, string? province, string? weapon, string? group, string country = "Testland") =>
        new(id, Event(id, date, province, weapon, country), country, province, null, group,
            group is null ? PerpetratorStatus.Unknown : PerpetratorStatus.Known);

    public static DyadEvent Event(long id, DateOnly date, string? province, string? weapon, string? country = "Testland") => new()
    {
        Dataset = Datasets.Gtd,
        DatasetId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Date = EventDate.OnDay(date),
        Place = new EventPlace { Country = country, Admin1 = province },
        Category = new EventCategory
        {
            Type = "Terrorist attack",
            AttackTypes = weapon is null ? [] : ["Armed Assault"],
            WeaponTypes = weapon is null ? [] : [weapon],
            TargetTypes = weapon is null ? [] : ["Police"],
        },
        Provenance = new RowProvenance(id, null),
    };

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    }
}
