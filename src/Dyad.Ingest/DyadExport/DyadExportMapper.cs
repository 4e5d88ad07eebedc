using Dyad.Events;
using Dyad.Ingest.Mapping;

namespace Dyad.Ingest.DyadExport;

/// <summary>
/// Reads Dyad's own CSV export (<c>dyad events --format csv</c>, <c>/api/events.csv</c>) back into events, each with
/// the dataset and id it was exported with: a filtered set of events an analyst keeps, to attribute or to look at
/// again. Lists are written "A; B"; enums in snake case. It is not a dataset: <c>dyad import</c> takes the originals.
/// </summary>
internal sealed class DyadExportMapper : EventMapper
{
    public const string DatasetName = "dyad-export";
    private readonly int _dataset, _datasetId, _start, _end, _precision, _country, _admin1, _admin2, _place, _latitude, _longitude, _geoPrecision;
    private readonly int _roles, _actor1, _actor1Associates, _actor2, _actor2Associates, _type, _subtype, _attackTypes, _weaponTypes, _targetTypes, _targetSubtypes;
    private readonly int _suicide, _weaponSubtypes, _targetNationalities, _partOfMultiple, _propertyDamage, _hostages, _perpetrators;
    private readonly int _deathsLow, _deathsBest, _deathsHigh, _deathsActor1, _deathsActor2, _deathsCivilians, _deathsUnknown, _wounded;
    private readonly int _claimed, _claimMode, _claimCompeting, _attributionUncertain, _notes, _citations;

    public DyadExportMapper(ColumnSet columns, string path) : base(columns)
    {
        Require(path, "Dyad's CSV export", ("dataset", ["dataset"]), ("dataset id", ["dataset_id"]), ("first day", ["date_start"]));
        _dataset = columns.Find("dataset");
        _datasetId = columns.Find("dataset_id");
        _start = columns.Find("date_start");
        _end = columns.Optional("date_end");
        _precision = columns.Optional("date_precision");
        _country = columns.Optional("country");
        _admin1 = columns.Optional("admin1");
        _admin2 = columns.Optional("admin2");
        _place = columns.Optional("place");
        _latitude = columns.Optional("latitude");
        _longitude = columns.Optional("longitude");
        _geoPrecision = columns.Optional("geo_precision");
        _roles = columns.Optional("actor_roles");
        _actor1 = columns.Optional("actor1");
        _actor1Associates = columns.Optional("actor1_associates");
        _actor2 = columns.Optional("actor2");
        _actor2Associates = columns.Optional("actor2_associates");
        _type = columns.Optional("event_type");
        _subtype = columns.Optional("event_subtype");
        _attackTypes = columns.Optional("attack_types");
        _weaponTypes = columns.Optional("weapon_types");
        _targetTypes = columns.Optional("target_types");
        _targetSubtypes = columns.Optional("target_subtypes");
        _suicide = columns.Optional("suicide");
        _weaponSubtypes = columns.Optional("weapon_subtypes");
        _targetNationalities = columns.Optional("target_nationalities");
        _partOfMultiple = columns.Optional("part_of_multiple");
        _propertyDamage = columns.Optional("property_damage");
        _hostages = columns.Optional("hostages");
        _perpetrators = columns.Optional("perpetrators");
        _deathsLow = columns.Optional("deaths_low");
        _deathsBest = columns.Optional("deaths_best");
        _deathsHigh = columns.Optional("deaths_high");
        _deathsActor1 = columns.Optional("deaths_actor1");
        _deathsActor2 = columns.Optional("deaths_actor2");
        _deathsCivilians = columns.Optional("deaths_civilians");
        _deathsUnknown = columns.Optional("deaths_unknown");
        _wounded = columns.Optional("wounded");
        _claimed = columns.Optional("claimed");
        _claimMode = columns.Optional("claim_mode");
        _claimCompeting = columns.Optional("claim_competing");
        _attributionUncertain = columns.Optional("attribution_uncertain");
        _notes = columns.Optional("notes");
        _citations = columns.Optional("citations");
    }

    public override string Dataset => DatasetName;

    public override DyadEvent Map(RowFields row, RowProvenance provenance)
    {
        var start = SourceDates.Day(row, _start);
        var end = _end >= 0 && row.Text(_end) is not null ? SourceDates.Day(row, _end) : start;
        if (end < start)
        {
            throw row.Reject(_end, $"is before date_start ({start:yyyy-MM-dd})");
        }

        var precision = row.Text(_precision) switch
        {
            null or "day" => DatePrecision.Day,
            "week" => DatePrecision.Week,
            "month" => DatePrecision.Month,
            "year" => DatePrecision.Year,
            _ => throw row.Reject(_precision, "is not day, week, month or year"),
        };
        return new DyadEvent
        {
            Dataset = row.Text(_dataset) ?? throw row.Reject(_dataset, "is empty; every exported event names its dataset"),
            DatasetId = row.Text(_datasetId) ?? throw row.Reject(_datasetId, "is empty; every exported event has its dataset's id"),
            Date = new EventDate(start, end, precision),
            Place = new EventPlace
            {
                Country = row.Text(_country),
                Admin1 = row.Text(_admin1),
                Admin2 = row.Text(_admin2),
                Name = row.Text(_place),
                Latitude = row.Latitude(_latitude),
                Longitude = row.Longitude(_longitude),
                GeoPrecision = row.Int(_geoPrecision),
            },
            Actors = new EventActors
            {
                Roles = row.Text(_roles) switch
                {
                    null or "perpetrator_target" => ActorRoles.PerpetratorTarget,
                    "sides" => ActorRoles.Sides,
                    _ => throw row.Reject(_roles, "is neither perpetrator_target nor sides"),
                },
                Actor1 = row.Text(_actor1),
                Actor1Associates = row.List(_actor1Associates, ';'),
                Actor2 = row.Text(_actor2),
                Actor2Associates = row.List(_actor2Associates, ';'),
            },
            Category = new EventCategory
            {
                Type = row.Text(_type),
                Subtype = row.Text(_subtype),
                AttackTypes = row.List(_attackTypes, ';'),
                WeaponTypes = row.List(_weaponTypes, ';'),
                TargetTypes = row.List(_targetTypes, ';'),
                TargetSubtypes = row.List(_targetSubtypes, ';'),
                Suicide = row.Flag(_suicide),
                WeaponSubtypes = row.List(_weaponSubtypes, ';'),
                TargetNationalities = row.List(_targetNationalities, ';'),
                PartOfMultiple = row.Flag(_partOfMultiple),
                PropertyDamage = row.Flag(_propertyDamage),
                Hostages = row.Flag(_hostages),
                Perpetrators = row.Count(_perpetrators),
            },
            Deaths = new DeathToll
            {
                Low = row.Count(_deathsLow),
                Best = row.Count(_deathsBest),
                High = row.Count(_deathsHigh),
                Actor1 = row.Count(_deathsActor1),
                Actor2 = row.Count(_deathsActor2),
                Civilians = row.Count(_deathsCivilians),
                Unknown = row.Count(_deathsUnknown),
                Wounded = row.Count(_wounded),
            },
            Claim = new ClaimInfo
            {
                Claimed = row.Flag(_claimed),
                Mode = row.Text(_claimMode),
                Competing = row.Flag(_claimCompeting),
                AttributionUncertain = row.Flag(_attributionUncertain),
            },
            Notes = row.Text(_notes),
            Citations = row.Text(_citations),
            Provenance = provenance,
        };
    }
}
