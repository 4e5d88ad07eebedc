using Dyad.Events;
using Dyad.Store;

namespace Dyad.App.Views;

/// <summary>
/// An event flattened for output: the same fields, in the same order, in CSV, JSON and GeoJSON, from the CLI and the
/// API. <c>Deaths</c> is <see cref="DeathToll.Total"/>, the figure every count uses, so that no page adds it up its own way.
/// </summary>
public sealed record EventView(
    long Id, string Dataset, string DatasetId, string DateStart, string DateEnd, DatePrecision DatePrecision,
    string? Country, string? Admin1, string? Admin2, string? Place, double? Latitude, double? Longitude, int? GeoPrecision,
    ActorRoles ActorRoles, string? Actor1, IReadOnlyList<string> Actor1Ids, IReadOnlyList<string> Actor1Associates,
    string? Actor2, IReadOnlyList<string> Actor2Ids, IReadOnlyList<string> Actor2Associates,
    string? EventType, string? EventSubtype, IReadOnlyList<string> AttackTypes, IReadOnlyList<string> WeaponTypes,
    IReadOnlyList<string> TargetTypes, IReadOnlyList<string> TargetSubtypes, bool? Suicide,
    IReadOnlyList<string> WeaponSubtypes, IReadOnlyList<string> TargetNationalities, bool? PartOfMultiple, bool? PropertyDamage, bool? Hostages, int? Perpetrators,
    int? DeathsLow, int? DeathsBest, int? DeathsHigh, int? DeathsActor1, int? DeathsActor2, int? DeathsCivilians, int? DeathsUnknown, int? Wounded,
    int? Deaths, bool? Claimed, string? ClaimMode, bool? ClaimCompeting, bool? AttributionUncertain,
    string? Notes, string? Citations, string SourceFile, long SourceRow,
    string? Admin1Id, string? Admin2Id, string? PlaceMethod, double? PlaceConfidence)
{
    public static EventView From(StoredEvent stored)
    {
        var e = stored.Event;
        return new EventView(
            stored.Id, e.Dataset, e.DatasetId, e.Date.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            e.Date.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Date.Precision,
            e.Place.Country, e.Place.Admin1, e.Place.Admin2, e.Place.Name, e.Place.Latitude, e.Place.Longitude, e.Place.GeoPrecision,
            e.Actors.Roles, e.Actors.Actor1, stored.Actor1Ids, e.Actors.Actor1Associates, e.Actors.Actor2, stored.Actor2Ids, e.Actors.Actor2Associates,
            e.Category.Type, e.Category.Subtype, e.Category.AttackTypes, e.Category.WeaponTypes, e.Category.TargetTypes, e.Category.TargetSubtypes, e.Category.Suicide,
            e.Category.WeaponSubtypes, e.Category.TargetNationalities, e.Category.PartOfMultiple, e.Category.PropertyDamage, e.Category.Hostages, e.Category.Perpetrators,
            e.Deaths.Low, e.Deaths.Best, e.Deaths.High, e.Deaths.Actor1, e.Deaths.Actor2, e.Deaths.Civilians, e.Deaths.Unknown, e.Deaths.Wounded,
            e.Deaths.Total, e.Claim.Claimed, e.Claim.Mode, e.Claim.Competing, e.Claim.AttributionUncertain,
            e.Notes, e.Citations, stored.SourceFile, e.Provenance.Row,
            stored.Units?.Admin1Id, stored.Units?.Admin2Id, stored.Units?.Method, stored.Units?.Confidence);
    }
}
