using Dyad.Ingest.Mapping;

namespace Dyad.Ingest.Formats;

/// <summary>
/// Tells GTD, ACLED and UCDP files apart by their header alone, so that a user never has to say what a file is.
/// Each rule asks for the columns that only that dataset has, under any of the names its releases have used.
/// </summary>
public static class FormatDetector
{
    public static SourceFormat? Detect(IReadOnlyList<string> columns, FormatFamily? family = null)
    {
        var set = new ColumnSet(columns);
        SourceFormat? found =
            set.Has("dataset") && set.Has("dataset_id") && set.Has("date_start") && set.Has("actor1_ids") ? SourceFormat.DyadExport
            : set.Has("bd_best") ? SourceFormat.UcdpBattleDeaths
            : set.Has("best_fatality_estimate") && set.Has("actor_name") ? SourceFormat.UcdpOneSided
            : set.Has("best_fatality_estimate") && set.Has("side_a_name") ? SourceFormat.UcdpNonState
            : set.Has("side_a") && (set.Has("date_start") || set.Has("relid") || set.Has("best_est") || set.Has("where_prec")) ? SourceFormat.UcdpGed
            : set.Has("iyear") && (set.Has("gname") || set.Has("eventid")) ? SourceFormat.Gtd
            : set.Has("record_id") && set.Has("event_date") && set.Has("source") ? SourceFormat.AnalystRecords
            : set.Has("event_id_cnty") || (set.Has("event_date") && (set.Has("actor1") || set.Has("sub_event_type") || set.Has("sub_type"))) ? SourceFormat.Acled
            : null;

        return family switch
        {
            null => found,
            FormatFamily.Gtd => SourceFormat.Gtd,
            FormatFamily.Acled => SourceFormat.Acled,
            FormatFamily.Ucdp => found is SourceFormat.UcdpGed or SourceFormat.UcdpNonState or SourceFormat.UcdpOneSided or SourceFormat.UcdpBattleDeaths
                ? found
                : SourceFormat.UcdpGed,
            _ => found,
        };
    }

    /// <summary>The name a user types for <paramref name="format"/>, and that the import report prints.</summary>
    public static string Name(SourceFormat format) => format switch
    {
        SourceFormat.Gtd => "gtd",
        SourceFormat.Acled => "acled",
        SourceFormat.UcdpGed => "ucdp-ged",
        SourceFormat.UcdpNonState => "ucdp-nonstate",
        SourceFormat.UcdpOneSided => "ucdp-onesided",
        SourceFormat.UcdpBattleDeaths => "ucdp-battledeaths",
        SourceFormat.AnalystRecords => "analyst",
        SourceFormat.DyadExport => "dyad-export",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
