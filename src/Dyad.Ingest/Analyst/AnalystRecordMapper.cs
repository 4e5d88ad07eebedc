using Dyad.Events;
using Dyad.Ingest.Mapping;

namespace Dyad.Ingest.Analyst;

/// <summary>
/// Maps an analyst's own event records: events read in articles, reports and interviews rather than taken from a
/// dataset, one per row, each citing the source it came from (a code from <c>dyad sources</c>). Columns:
/// <c>record_id</c>, <c>event_date</c> (yyyy-MM-dd; yyyy-MM for a month), <c>source</c>, and optionally
/// <c>country</c>, <c>admin1</c>, <c>admin2</c>, <c>location</c>, <c>latitude</c>, <c>longitude</c>, <c>actor1</c>
/// (the perpetrator, or a side), <c>actor2</c> (the target, or the other side), <c>actor_roles</c>
/// (<c>perpetrator-target</c> or <c>sides</c>), <c>attack_type</c>, <c>deaths</c>, <c>wounded</c>, <c>claimed</c>, <c>notes</c>.
/// </summary>
internal sealed class AnalystRecordMapper : EventMapper
{
    private readonly int _id, _date, _source, _country, _admin1, _admin2, _location, _latitude, _longitude;
    private readonly int _actor1, _actor2, _roles, _attackType, _deaths, _wounded, _claimed, _notes;

    public AnalystRecordMapper(ColumnSet columns, string path) : base(columns)
    {
        Require(path, "a file of analyst's records", ("record id", ["record_id"]), ("date", ["event_date"]), ("source", ["source"]));
        _id = columns.Find("record_id");
        _date = columns.Find("event_date");
        _source = columns.Find("source");
        _country = columns.Optional("country");
        _admin1 = columns.Optional("admin1");
        _admin2 = columns.Optional("admin2");
        _location = columns.Optional("location");
        _latitude = columns.Optional("latitude");
        _longitude = columns.Optional("longitude");
        _actor1 = columns.Optional("actor1");
        _actor2 = columns.Optional("actor2");
        _roles = columns.Optional("actor_roles");
        _attackType = columns.Optional("attack_type");
        _deaths = columns.Optional("deaths");
        _wounded = columns.Optional("wounded");
        _claimed = columns.Optional("claimed");
        _notes = columns.Optional("notes");
    }

    public override string Dataset => Datasets.Analyst;

    public override DyadEvent Map(RowFields row, RowProvenance provenance)
    {
        var dateText = row.Text(_date) ?? throw row.Reject(_date, "is empty; every event needs a date");
        var date = dateText.Length == 7 && DateOnly.TryParseExact(dateText + "-01", "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out var month)
            ? EventDate.InMonth(month.Year, month.Month)
            : EventDate.OnDay(SourceDates.Day(row, _date));
        var roles = row.Text(_roles) switch
        {
            null or "perpetrator-target" => ActorRoles.PerpetratorTarget,
            "sides" => ActorRoles.Sides,
            _ => throw row.Reject(_roles, "is neither perpetrator-target nor sides"),
        };
        return new DyadEvent
        {
            Dataset = Datasets.Analyst,
            DatasetId = DatasetId(row, _id, provenance),
            Date = date,
            Place = new EventPlace
            {
                Country = row.Text(_country),
                Admin1 = row.Text(_admin1),
                Admin2 = row.Text(_admin2),
                Name = row.Text(_location),
                Latitude = row.Latitude(_latitude),
                Longitude = row.Longitude(_longitude),
            },
            Actors = new EventActors { Roles = roles, Actor1 = row.Text(_actor1), Actor2 = row.Text(_actor2) },
            Category = new EventCategory { AttackTypes = row.Text(_attackType) is { } attack ? [attack] : [] },
            Deaths = new DeathToll { Best = row.Count(_deaths), Wounded = row.Count(_wounded) },
            Claim = new ClaimInfo { Claimed = row.Flag(_claimed) },
            Notes = row.Text(_notes),
            Citations = row.Text(_source) ?? throw row.Reject(_source, "is empty; every record cites its source"),
            Provenance = provenance,
        };
    }
}
