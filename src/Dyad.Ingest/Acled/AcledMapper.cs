using Dyad.Events;
using Dyad.Ingest.Mapping;

namespace Dyad.Ingest.Acled;

/// <summary>
/// Maps ACLED exports: the standard 31-column export (<c>event_id_cnty</c>, <c>event_date</c>, …), older exports
/// (<c>ally_actor_1</c>, <c>event_id_no_cnty</c>) and renamed or reduced column sets (<c>Type</c>, <c>Sub_type</c>,
/// <c>Actor1</c>, <c>Fatalities</c>). Essential: the date and the first actor.
/// </summary>
/// <remarks>ACLED's time_precision 2 and 3 mean the event is known to the week or the month around the date given.</remarks>
internal sealed class AcledMapper : EventMapper
{
    private readonly int _id, _date, _timePrecision, _eventType, _subEventType, _actor1, _assoc1, _actor2, _assoc2;
    private readonly int _country, _admin1, _admin2, _location, _latitude, _longitude, _geoPrecision;
    private readonly int _fatalities, _notes, _source, _civilianTargeting;

    public AcledMapper(ColumnSet columns, string path) : base(columns)
    {
        Require(path, "an ACLED file", ("event date", ["event_date"]), ("first actor", ["actor1"]));
        _id = columns.Find("event_id_cnty", "event_id_no_cnty", "data_id");
        _date = columns.Find("event_date");
        _timePrecision = columns.Optional("time_precision");
        _eventType = columns.Optional("event_type", "type");
        _subEventType = columns.Optional("sub_event_type", "sub_type");
        _actor1 = columns.Find("actor1");
        _assoc1 = columns.Optional("assoc_actor_1", "ally_actor_1");
        _actor2 = columns.Optional("actor2");
        _assoc2 = columns.Optional("assoc_actor_2", "ally_actor_2");
        _country = columns.Optional("country");
        _admin1 = columns.Optional("admin1");
        _admin2 = columns.Optional("admin2");
        _location = columns.Optional("location");
        _latitude = columns.Optional("latitude");
        _longitude = columns.Optional("longitude");
        _geoPrecision = columns.Optional("geo_precision");
        _fatalities = columns.Optional("fatalities");
        _notes = columns.Optional("notes");
        _source = columns.Optional("source");
        _civilianTargeting = columns.Find("civilian_targeting");
    }

    public override string Dataset => Datasets.Acled;

    public override DyadEvent Map(RowFields row, RowProvenance provenance)
    {
        if (row.Span(_date).IsEmpty)
        {
            throw row.Reject(_date, "is empty; every event needs a date");
        }

        var day = SourceDates.Day(row, _date);
        var date = row.Int(_timePrecision, 1, 3) switch
        {
            2 => new EventDate(day, day, DatePrecision.Week),
            3 => EventDate.InMonth(day.Year, day.Month),
            _ => EventDate.OnDay(day),
        };

        return new DyadEvent
        {
            Dataset = Datasets.Acled,
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
                GeoPrecision = row.Int(_geoPrecision, 1, 3),
            },
            Actors = new EventActors
            {
                Roles = ActorRoles.Sides,
                Actor1 = row.Text(_actor1) ?? throw row.Reject(_actor1, "is empty; every ACLED event names its first actor"),
                Actor1Associates = row.List(_assoc1, ';'),
                Actor2 = row.Text(_actor2),
                Actor2Associates = row.List(_assoc2, ';'),
            },
            Category = new EventCategory
            {
                Type = row.Text(_eventType),
                Subtype = row.Text(_subEventType),
                TargetTypes = row.Text(_civilianTargeting) is { } civilians ? [civilians] : [],
            },
            Deaths = new DeathToll { Best = row.Count(_fatalities) },
            Notes = row.Text(_notes),
            Citations = row.Text(_source),
            Provenance = provenance,
        };
    }
}
