using Dyad.Events;
using Dyad.Ingest.Mapping;

namespace Dyad.Ingest.Ucdp;

/// <summary>
/// Maps UCDP's Georeferenced Event Dataset: the download CSV (49 columns), the API's column names (<c>best_est</c>,
/// <c>low_est</c>, <c>high_est</c>) and GeoJSON point files with GED properties, whose names a shapefile may have cut
/// to ten characters (<c>source_art</c>). Essential: the id, side A and the first day.
/// </summary>
/// <remarks>date_prec: 1 exact day; 2-3 within a week; 4 within a month; 5 within the year.</remarks>
internal sealed class UcdpGedMapper : EventMapper
{
    private readonly int _id, _dateStart, _dateEnd, _datePrecision, _typeOfViolence, _conflictName, _sideA, _sideB;
    private readonly int _country, _adm1, _adm2, _where, _latitude, _longitude, _wherePrecision;
    private readonly int _deathsA, _deathsB, _deathsCivilians, _deathsUnknown, _best, _low, _high;
    private readonly int _sourceArticle, _sourceHeadline;

    public UcdpGedMapper(ColumnSet columns, string path) : base(columns)
    {
        Require(path, "a UCDP GED file", ("event id", ["id"]), ("side A", ["side_a"]), ("first day", ["date_start"]));
        _id = columns.Find("id");
        _dateStart = columns.Find("date_start");
        _dateEnd = columns.Optional("date_end");
        _datePrecision = columns.Optional("date_prec");
        _typeOfViolence = columns.Optional("type_of_violence");
        _conflictName = columns.Find("conflict_name");
        _sideA = columns.Find("side_a");
        _sideB = columns.Optional("side_b");
        _country = columns.Optional("country");
        _adm1 = columns.Optional("adm_1");
        _adm2 = columns.Optional("adm_2");
        _where = columns.Optional("where_coordinates", "where_coor");
        _latitude = columns.Optional("latitude");
        _longitude = columns.Optional("longitude");
        _wherePrecision = columns.Optional("where_prec");
        _deathsA = columns.Optional("deaths_a");
        _deathsB = columns.Optional("deaths_b");
        _deathsCivilians = columns.Optional("deaths_civilians", "deaths_civ");
        _deathsUnknown = columns.Optional("deaths_unknown", "deaths_unk");
        _best = columns.Optional("best", "best_est");
        _low = columns.Find("low", "low_est");
        _high = columns.Find("high", "high_est");
        _sourceArticle = columns.Optional("source_article", "source_art");
        _sourceHeadline = columns.Find("source_headline", "source_hea");
    }

    public override string Dataset => Datasets.UcdpGed;

    public override DyadEvent Map(RowFields row, RowProvenance provenance)
    {
        if (row.Span(_dateStart).IsEmpty)
        {
            throw row.Reject(_dateStart, "is empty; every event needs a first day");
        }

        var start = SourceDates.Day(row, _dateStart, SlashedDateOrder.MonthFirst);
        var end = row.Span(_dateEnd).IsEmpty ? start : SourceDates.Day(row, _dateEnd, SlashedDateOrder.MonthFirst);
        if (end < start)
        {
            throw row.Reject(_dateEnd, $"is before date_start ({start:yyyy-MM-dd})");
        }

        var precision = row.Int(_datePrecision, 1, 5) switch
        {
            2 or 3 => DatePrecision.Week,
            4 => DatePrecision.Month,
            5 => DatePrecision.Year,
            _ => DatePrecision.Day,
        };
        var type = UcdpViolenceTypes.FromCode(row.Int(_typeOfViolence, 1, 3));

        return new DyadEvent
        {
            Dataset = Datasets.UcdpGed,
            DatasetId = DatasetId(row, _id, provenance),
            Date = new EventDate(start, end, precision),
            Place = new EventPlace
            {
                Country = row.Text(_country),
                Admin1 = row.Text(_adm1),
                Admin2 = row.Text(_adm2),
                Name = row.Text(_where),
                Latitude = row.Latitude(_latitude),
                Longitude = row.Longitude(_longitude),
                GeoPrecision = row.Int(_wherePrecision, 1, 7),
            },
            Actors = new EventActors
            {
                Roles = type == UcdpViolenceTypes.OneSided ? ActorRoles.PerpetratorTarget : ActorRoles.Sides,
                Actor1 = row.Text(_sideA) ?? throw row.Reject(_sideA, "is empty; every UCDP event names side A"),
                Actor2 = row.Text(_sideB),
            },
            Category = new EventCategory { Type = type, Subtype = row.Text(_conflictName) },
            Deaths = new DeathToll
            {
                Low = row.Count(_low),
                Best = row.Count(_best),
                High = row.Count(_high),
                Actor1 = row.Count(_deathsA),
                Actor2 = row.Count(_deathsB),
                Civilians = row.Count(_deathsCivilians),
                Unknown = row.Count(_deathsUnknown),
            },
            Notes = row.Text(_sourceHeadline),
            Citations = row.Text(_sourceArticle),
            Provenance = provenance,
        };
    }
}
