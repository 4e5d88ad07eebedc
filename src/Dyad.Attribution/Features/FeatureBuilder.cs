using Dyad.Attribution.Attacks;
using Dyad.Events;

namespace Dyad.Attribution.Features;

/// <summary>Computes an attack's features (see <see cref="FeatureCatalog"/>) from the event and the activity before it.</summary>
/// <param name="knownBefore">
/// The day before which perpetrators are known when the attack is looked at: a backtest step's first day, or, in training
/// for a walk-forward, the first day of the attack's own step (so that training sees activity as the test will); null:
/// the attack's own day.
/// </param>
internal sealed class FeatureBuilder(FeatureCatalog catalog, ActivityIndex activity, Func<string, IReadOnlyList<string>> neighbours, Func<DateOnly, DateOnly>? knownBefore)
{
    public FeatureBuilder(FeatureCatalog catalog, ActivityIndex activity, Func<string, IReadOnlyList<string>> neighbours, DateOnly? horizon)
        : this(catalog, activity, neighbours, horizon is { } h ? _ => h : null)
    {
    }

    public FeatureRow Build(Attack attack, string label = "")
    {
        var e = attack.Event;
        var numbers = new float[catalog.Numbers.Count];
        var i = 0;
        numbers[i++] = Number(e.Place.Latitude);
        numbers[i++] = Number(e.Place.Longitude);
        numbers[i++] = Number(e.Place.GeoPrecision);
        numbers[i++] = e.Date.Start.Month;
        numbers[i++] = e.Date.End.DayNumber - e.Date.Start.DayNumber;
        numbers[i++] = Flag(e.Category.Suicide);
        numbers[i++] = e.Category.AttackTypes.Count;
        numbers[i++] = e.Category.WeaponTypes.Count;
        numbers[i++] = e.Category.TargetTypes.Count;
        numbers[i++] = Flag(e.Category.PartOfMultiple);
        numbers[i++] = Flag(e.Category.PropertyDamage);
        numbers[i++] = Flag(e.Category.Hostages);
        numbers[i++] = Number(e.Category.Perpetrators);
        numbers[i++] = Number(e.Deaths.Best);
        numbers[i++] = Number(e.Deaths.Wounded);
        numbers[i++] = Number(e.Deaths.Actor1);
        numbers[i++] = Number(e.Deaths.Civilians);

        // Activity is counted up to the attack's day (not on it: the same day's attacks are not yet known), or up to
        // the knowledge horizon when that comes first.
        var cutoff = knownBefore?.Invoke(attack.Date) is { } h && h < attack.Date ? h.DayNumber : attack.Date.DayNumber;
        var from = cutoff - FeatureCatalog.WindowDays;
        var province = attack.Province is { } p ? ActivityIndex.ProvinceKey(p) : null;
        var country = attack.Country is { } c ? ActivityIndex.CountryKey(c) : null;
        var around = attack.Province is { } centre ? [.. neighbours(centre).Select(ActivityIndex.ProvinceKey)] : Array.Empty<string>();
        numbers[i++] = province is null ? float.NaN : activity.CountAll(province, from, cutoff);
        numbers[i++] = country is null ? float.NaN : activity.CountAll(country, from, cutoff);
        for (var k = 0; k < catalog.GroupActivityClasses; k++)
        {
            numbers[i++] = province is null ? float.NaN : activity.Count(province, k, from, cutoff);
            numbers[i++] = province is null ? float.NaN : around.Sum(n => activity.Count(n, k, from, cutoff));
            numbers[i++] = country is null ? float.NaN : activity.Count(country, k, from, cutoff);
            numbers[i++] = province is null ? float.NaN : Math.Min(activity.DaysSinceLast(province, k, cutoff) ?? FeatureCatalog.DaysSinceCap, FeatureCatalog.DaysSinceCap);
        }

        var (community, kind) = TargetDescription.Of(attack.Text, e.Category.TargetSubtypes);
        return new FeatureRow
        {
            Label = label,
            Country = e.Place.Country ?? "",
            Province = attack.Province ?? "",
            District = attack.District ?? "",
            Place = e.Place.Name is { } place ? Names.NameText.Normalize(place) : "",
            EventType = e.Category.Type ?? "",
            EventSubtype = Subtype(e) ?? "",
            AttackType = First(e.Category.AttackTypes),
            WeaponType = First(e.Category.WeaponTypes),
            TargetType = First(e.Category.TargetTypes),
            TargetSubtype = First(e.Category.TargetSubtypes),
            WeaponSubtype = First(e.Category.WeaponSubtypes),
            TargetNationality = First(e.Category.TargetNationalities),
            Dataset = e.Dataset,
            TargetCommunity = community,
            TargetKind = kind,
            PlaceCommunity = attack.PlaceCommunity ?? "",
            // Read only by a model whose catalog reads the words; the same rows serve the models that do and do not.
            Text = attack.Text ?? "",
            Numeric = numbers,
        };
    }

    /// <summary>How much the attack tells: 0 when neither its place nor anything of how it was done is known.</summary>
    public static int Evidence(DyadEvent e) =>
        (e.Place.Admin1 is not null || e.Place.Latitude is not null ? 2 : 0)
        + (Known(e.Category.AttackTypes) || Subtype(e) is not null ? 1 : 0)
        + (Known(e.Category.WeaponTypes) ? 1 : 0)
        + (Known(e.Category.TargetTypes) ? 1 : 0);

    /// <summary>The event's subtype, except UCDP's, which is the conflict's name and so names the sides.</summary>
    private static string? Subtype(DyadEvent e) => e.Dataset.StartsWith("ucdp", StringComparison.Ordinal) ? null : e.Category.Subtype;

    /// <summary>GTD writes "Unknown" as a category of its own; it tells nothing.</summary>
    private static bool Known(IReadOnlyList<string> values) => values.Count > 0 && values[0] != "Unknown";

    private static float Number(double? value) => value is { } v ? (float)v : float.NaN;

    private static float Flag(bool? value) => value is { } v ? (v ? 1 : 0) : float.NaN;

    private static string First(IReadOnlyList<string> values) => values.Count > 0 ? values[0] : "";
}
