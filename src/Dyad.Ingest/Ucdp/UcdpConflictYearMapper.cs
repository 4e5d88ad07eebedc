using Dyad.Events;
using Dyad.Ingest.Mapping;

namespace Dyad.Ingest.Ucdp;

/// <summary>
/// Maps UCDP's dyad-year tables — non-state conflict, one-sided violence and battle-related deaths — to one record per
/// dyad and year, with year precision. The id is the dyad id and the year: the tables have one row for each.
/// </summary>
internal sealed class UcdpConflictYearMapper : EventMapper
{
    private readonly string _dataset;
    private readonly string _type;
    private readonly ActorRoles _roles;
    private readonly int _dyadId, _year, _actor1, _actor2, _location, _best, _low, _high, _conflictId;

    private UcdpConflictYearMapper(ColumnSet columns, string dataset, string type, ActorRoles roles,
        string actor1, string? actor2, string location, string best, string low, string high)
        : base(columns)
    {
        _dataset = dataset;
        _type = type;
        _roles = roles;
        _dyadId = columns.Find("dyad_id");
        _conflictId = columns.Find("conflict_id");
        _year = columns.Find("year");
        _actor1 = columns.Find(actor1);
        _actor2 = actor2 is null ? -1 : columns.Optional(actor2);
        _location = columns.Optional(location);
        _best = columns.Find(best);
        _low = columns.Optional(low);
        _high = columns.Optional(high);
    }

    public static UcdpConflictYearMapper NonState(ColumnSet columns, string path) =>
        Checked(new(columns, Datasets.UcdpNonState, UcdpViolenceTypes.NonState, ActorRoles.Sides,
            "side_a_name", "side_b_name", "location", "best_fatality_estimate", "low_fatality_estimate", "high_fatality_estimate"), path, "side_a_name", "best_fatality_estimate");

    public static UcdpConflictYearMapper OneSided(ColumnSet columns, string path) =>
        Checked(new(columns, Datasets.UcdpOneSided, UcdpViolenceTypes.OneSided, ActorRoles.PerpetratorTarget,
            "actor_name", null, "location", "best_fatality_estimate", "low_fatality_estimate", "high_fatality_estimate"), path, "actor_name", "best_fatality_estimate");

    public static UcdpConflictYearMapper BattleDeaths(ColumnSet columns, string path) =>
        Checked(new(columns, Datasets.UcdpBattleDeaths, UcdpViolenceTypes.StateBased, ActorRoles.Sides,
            "side_a", "side_b", "battle_location", "bd_best", "bd_low", "bd_high"), path, "side_a", "bd_best");

    public override string Dataset => _dataset;

    public override DyadEvent Map(RowFields row, RowProvenance provenance)
    {
        var year = SourceDates.Year(row, _year);
        var dyad = row.Text(_dyadId) ?? throw row.Reject(_dyadId, "is empty; every row needs its dyad id");
        return new DyadEvent
        {
            Dataset = _dataset,
            DatasetId = $"{dyad}:{year}",
            Date = EventDate.InYear(year),
            Place = new EventPlace { Country = row.Text(_location) },
            Actors = new EventActors
            {
                Roles = _roles,
                Actor1 = row.Text(_actor1) ?? throw row.Reject(_actor1, "is empty; every row names its actor"),
                Actor2 = row.Text(_actor2),
            },
            Category = new EventCategory { Type = _type, Subtype = row.Text(_conflictId) is { } id ? $"UCDP conflict {id}" : null },
            Deaths = new DeathToll { Low = row.Count(_low), Best = row.Count(_best), High = row.Count(_high) },
            Provenance = provenance,
        };
    }

    private static UcdpConflictYearMapper Checked(UcdpConflictYearMapper mapper, string path, string actorColumn, string bestColumn)
    {
        mapper.Require(path, "a UCDP conflict-year table", ("dyad id", ["dyad_id"]), ("year", ["year"]), ("actor", [actorColumn]), ("best estimate", [bestColumn]));
        return mapper;
    }
}
