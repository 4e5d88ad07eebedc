namespace Dyad.Attribution.Features;

/// <summary>One input of the model: its name, the explanation group it belongs to, and the event fields it reads.</summary>
/// <param name="Reads">
/// The event-model fields the feature is computed from (e.g. <c>Place.Latitude</c>, <c>Category.AttackTypes</c>), and
/// <c>History</c> for features counted from earlier events' perpetrators. The leakage rule is checked on this list.
/// </param>
public sealed record FeatureDefinition(string Name, string Group, FeatureKind Kind, IReadOnlyList<string> Reads);

public enum FeatureKind
{
    Category,
    Number,

    /// <summary>Words of the source's text, masked, as a bag of words and pairs of words.</summary>
    Text,
}

/// <summary>
/// The features of an attribution model, in the order the model reads them. Nothing that names or claims the
/// perpetrator is read: the event's actors, claim fields, citations, and UCDP's conflict name (it names the sides) are
/// never features; the source's own words (GTD's summary and target entity, ACLED's notes, UCDP's headlines) are read
/// only through <see cref="TextMask"/>, which takes out every group name and every sentence of claim or blame. Context features count earlier events' known perpetrators
/// only, and only events dated before the attack (and before the knowledge horizon in a backtest).
/// </summary>
public sealed class FeatureCatalog
{
    /// <summary>How far back the activity features look.</summary>
    public const int WindowDays = 90;

    /// <summary>Days-since features stop at ten years: older than that is "long ago".</summary>
    public const int DaysSinceCap = 3650;

    /// <summary>The event-model fields that reveal who carried out an attack; no feature may read them.</summary>
    public static readonly IReadOnlyList<string> ForbiddenFields =
        ["Actors", "Actors.Actor1", "Actors.Actor1Associates", "Actors.Actor2", "Actors.Actor2Associates", "Claim", "Claim.Claimed",
         "Claim.Mode", "Claim.Competing", "Claim.AttributionUncertain", "Notes", "Citations", "Provenance", "DatasetId",
         "Category.Subtype(UCDP)"];

    internal static readonly string[] CategoryColumns =
        [nameof(FeatureRow.Country), nameof(FeatureRow.Province), nameof(FeatureRow.District), nameof(FeatureRow.Place), nameof(FeatureRow.EventType),
         nameof(FeatureRow.EventSubtype), nameof(FeatureRow.AttackType), nameof(FeatureRow.WeaponType), nameof(FeatureRow.TargetType),
         nameof(FeatureRow.TargetSubtype), nameof(FeatureRow.WeaponSubtype), nameof(FeatureRow.TargetNationality), nameof(FeatureRow.Dataset),
        nameof(FeatureRow.TargetCommunity), nameof(FeatureRow.TargetKind), nameof(FeatureRow.PlaceCommunity)];

    /// <summary>Reads of the masked text: what <see cref="TextMask"/> leaves of the source's words.</summary>
    public static readonly IReadOnlyList<string> MaskedTextReads = ["Notes(masked)", "Actors.Actor2(GTD target entity, masked)"];

    private static readonly FeatureDefinition[] CategoryFeatures =
    [
        new(nameof(FeatureRow.Country), "country", FeatureKind.Category, ["Place.Country"]),
        new(nameof(FeatureRow.Province), "province", FeatureKind.Category, ["Place.Country", "Place.Admin1", "Place.Latitude", "Place.Longitude"]),
        new(nameof(FeatureRow.District), "district", FeatureKind.Category, ["Place.Admin2", "Place.Latitude", "Place.Longitude"]),
        new(nameof(FeatureRow.Place), "town or village", FeatureKind.Category, ["Place.Name"]),
        new(nameof(FeatureRow.EventType), "event type", FeatureKind.Category, ["Category.Type"]),
        // UCDP's subtype is the conflict's name, which names the sides: read only for the other datasets.
        new(nameof(FeatureRow.EventSubtype), "event subtype", FeatureKind.Category, ["Category.Subtype(not UCDP)"]),
        new(nameof(FeatureRow.AttackType), "attack type", FeatureKind.Category, ["Category.AttackTypes"]),
        new(nameof(FeatureRow.WeaponType), "weapon type", FeatureKind.Category, ["Category.WeaponTypes"]),
        new(nameof(FeatureRow.TargetType), "target type", FeatureKind.Category, ["Category.TargetTypes"]),
        new(nameof(FeatureRow.TargetSubtype), "target subtype", FeatureKind.Category, ["Category.TargetSubtypes"]),
        new(nameof(FeatureRow.WeaponSubtype), "weapon subtype", FeatureKind.Category, ["Category.WeaponSubtypes"]),
        new(nameof(FeatureRow.TargetNationality), "target nationality", FeatureKind.Category, ["Category.TargetNationalities"]),
        // Datasets code attacks differently (GTD's "Unknown" is not ACLED's "Unidentified Armed Group"): the model knows which.
        new(nameof(FeatureRow.Dataset), "dataset", FeatureKind.Category, ["Dataset"]),
        new(nameof(FeatureRow.TargetCommunity), "community struck", FeatureKind.Category, ["Category.TargetSubtypes", .. MaskedTextReads]),
        new(nameof(FeatureRow.TargetKind), "what was struck", FeatureKind.Category, ["Category.TargetSubtypes", .. MaskedTextReads]),
        // The gazetteer's communities.json: Hazara districts, the Dasht-e-Barchi neighbourhood of Kabul, with their sources;
        // by the attack's point and units, or by a marked neighbourhood its masked words name.
        new(nameof(FeatureRow.PlaceCommunity), "community of the place", FeatureKind.Category, ["Place.Latitude", "Place.Longitude", "Place.Admin1", "Place.Admin2", .. MaskedTextReads]),
    ];

    private static readonly FeatureDefinition TextFeature = new(nameof(FeatureRow.Text), "what the report says", FeatureKind.Text, MaskedTextReads);

    private static readonly FeatureDefinition[] FixedNumbers =
    [
        new("latitude", "where it happened", FeatureKind.Number, ["Place.Latitude"]),
        new("longitude", "where it happened", FeatureKind.Number, ["Place.Longitude"]),
        new("geo_precision", "how precisely it is placed", FeatureKind.Number, ["Place.GeoPrecision"]),
        new("month", "month", FeatureKind.Number, ["Date"]),
        new("date_span_days", "date precision", FeatureKind.Number, ["Date"]),
        new("suicide", "suicide attack", FeatureKind.Number, ["Category.Suicide"]),
        new("attack_types", "attack type", FeatureKind.Number, ["Category.AttackTypes"]),
        new("weapon_types", "weapon type", FeatureKind.Number, ["Category.WeaponTypes"]),
        new("target_types", "target type", FeatureKind.Number, ["Category.TargetTypes"]),
        new("part_of_multiple", "one of several attacks", FeatureKind.Number, ["Category.PartOfMultiple"]),
        new("property_damage", "property damage", FeatureKind.Number, ["Category.PropertyDamage"]),
        new("hostages", "hostages or kidnapping", FeatureKind.Number, ["Category.Hostages"]),
        new("perpetrators", "number of attackers", FeatureKind.Number, ["Category.Perpetrators"]),
        new("deaths", "casualties", FeatureKind.Number, ["Deaths.Best"]),
        new("wounded", "casualties", FeatureKind.Number, ["Deaths.Wounded"]),
        new("deaths_side_1", "attackers killed", FeatureKind.Number, ["Deaths.Actor1"]),
        new("deaths_civilians", "civilians killed", FeatureKind.Number, ["Deaths.Civilians"]),
        new("province_attacks_90d", "all recent attacks in the province", FeatureKind.Number, ["Place.Admin1", "Date", "History"]),
        new("country_attacks_90d", "all recent attacks in the country", FeatureKind.Number, ["Place.Country", "Date", "History"]),
    ];

    public FeatureCatalog(IReadOnlyList<string> classes, bool groupActivity, bool text, Func<string, string> display)
    {
        Classes = classes;
        UsesText = text;
        GroupActivityClasses = groupActivity ? classes.Count : 0;
        var numbers = new List<FeatureDefinition>(FixedNumbers);
        foreach (var group in classes.Take(GroupActivityClasses))
        {
            var name = display(group);
            numbers.Add(new($"{group}:province_90d", $"{name}'s attacks in the province, last {WindowDays} days", FeatureKind.Number, ["Place.Admin1", "Date", "History"]));
            numbers.Add(new($"{group}:neighbours_90d", $"{name}'s attacks in neighbouring provinces, last {WindowDays} days", FeatureKind.Number, ["Place.Admin1", "Date", "History"]));
            numbers.Add(new($"{group}:country_90d", $"{name}'s attacks in the country, last {WindowDays} days", FeatureKind.Number, ["Place.Country", "Date", "History"]));
            numbers.Add(new($"{group}:province_days_since", $"days since {name}'s last attack in the province", FeatureKind.Number, ["Place.Admin1", "Date", "History"]));
        }

        Numbers = numbers;
        All = text ? [.. CategoryFeatures, .. numbers, TextFeature] : [.. CategoryFeatures, .. numbers];
    }

    public IReadOnlyList<string> Classes { get; }

    /// <summary>How many classes have group-activity features: all of them, or none when those are off.</summary>
    public int GroupActivityClasses { get; }

    /// <summary>The masked text is read (as words and pairs of words).</summary>
    public bool UsesText { get; }

    /// <summary>Every feature: the categories, the numbers in the order of <see cref="FeatureRow.Numeric"/>, then the text when read.</summary>
    public IReadOnlyList<FeatureDefinition> All { get; }

    public IReadOnlyList<FeatureDefinition> Numbers { get; }
}
