using Dyad.Places;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore
{
    public long AssignPlaces(Gazetteer gazetteer, bool all = false)
    {
        using var transaction = Write();
        // All again; or, after imports, the events they added and the ones they revised (whose place may have changed).
        Execute(all
            ? "DELETE FROM event_places"
            : "DELETE FROM event_places WHERE event_id IN (SELECT id FROM events WHERE import_id IN (SELECT id FROM pending_imports))");

        // Events cluster on the same points and names (a village, a district seat, a province's centroid), so each
        // distinct location is assigned once and joined back: a fraction of the work of one assignment per event.
        // Events in the gazetteer's countries, and events that name no country (some extracts do not), not yet assigned.
        Execute(
            $"""
            DROP TABLE IF EXISTS pending_places;
            CREATE TEMP TABLE pending_places AS
            SELECT e.id, e.country, e.admin1, e.admin2, e.place, e.latitude, e.longitude, e.date_start < DATE '{Gazetteer.FataMerger:yyyy-MM-dd}' AS before_fata_merger
            FROM events e
            WHERE NOT EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id)
              AND (e.country IS NULL OR string_to_array(e.country, ', ') && {SqlList(gazetteer.Countries)})
            """);
        Execute(
            """
            DROP TABLE IF EXISTS place_keys;
            CREATE TEMP TABLE place_keys (country VARCHAR, admin1 VARCHAR, admin2 VARCHAR, place VARCHAR, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION,
                                          before_fata_merger BOOLEAN, unit_country VARCHAR, admin1_id VARCHAR, admin2_id VARCHAR, method VARCHAR, confidence DOUBLE PRECISION)
            """);
        // Read whole before writing: a connection runs one statement at a time (PostgreSQL's does).
        var keys = new List<(string? Country, string? Admin1, string? Admin2, string? Place, double? Latitude, double? Longitude, bool BeforeMerger)>();
        using (var command = Command("SELECT DISTINCT country, admin1, admin2, place, latitude, longitude, before_fata_merger FROM pending_places"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add((NullableString(reader, 0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3),
                    Nullable<double>(reader, 4), Nullable<double>(reader, 5), reader.GetBoolean(6)));
            }
        }

        using (var writer = Bulk("place_keys"))
        {
            foreach (var key in keys)
            {
                var place = gazetteer.Assign(key.Country?.Split(", ")[0], key.Admin1, key.Admin2, key.Place, key.Latitude, key.Longitude,
                    key.BeforeMerger ? Gazetteer.FataMerger.AddDays(-1) : Gazetteer.FataMerger);
                writer.Row()
                    .Text(key.Country).Text(key.Admin1).Text(key.Admin2).Text(key.Place).Double(key.Latitude).Double(key.Longitude).Bool(key.BeforeMerger)
                    .Text(place.Admin1Id is { } unit ? gazetteer.Find(unit)?.Country : null)
                    .Text(place.Admin1Id).Text(place.Admin2Id).Text(place.Method).Double(place.Confidence)
                    .EndRow();
            }

            writer.Complete();
        }

        Analyze("pending_places", "place_keys");
        long assigned;
        using (var insert = Command(
            """
            INSERT INTO event_places
            SELECT e.id, k.unit_country, k.admin1_id, k.admin2_id, k.method, k.confidence
            FROM pending_places e JOIN place_keys k
              ON coalesce(e.country, '') = coalesce(k.country, '') AND coalesce(e.admin1, '') = coalesce(k.admin1, '')
             AND coalesce(e.admin2, '') = coalesce(k.admin2, '') AND coalesce(e.place, '') = coalesce(k.place, '')
             AND coalesce(e.latitude, -999) = coalesce(k.latitude, -999) AND coalesce(e.longitude, -999) = coalesce(k.longitude, -999)
             AND e.before_fata_merger = k.before_fata_merger
            """))
        {
            assigned = insert.ExecuteNonQuery();
        }

        Analyze("event_places");

        Execute("DROP TABLE pending_places; DROP TABLE place_keys;");
        // Each file's coverage names the countries its events were placed in, so it is brought up to date here.
        Execute(
            $"""
            {(all ? "DELETE FROM import_coverage;" : "")}
            INSERT INTO import_coverage
            SELECT e.import_id, min(e.date_start), max({CoveredEndSql}),
                   coalesce(array_agg(DISTINCT coalesce(e.country, p.country) ORDER BY coalesce(e.country, p.country))
                            FILTER (WHERE coalesce(e.country, p.country) IS NOT NULL), ARRAY[]::TEXT[])
            FROM events e LEFT JOIN event_places p ON p.event_id = e.id
            WHERE e.import_id NOT IN (SELECT import_id FROM import_coverage)
            GROUP BY e.import_id
            """);
        transaction.Commit();
        return assigned;
    }

    /// <summary>
    /// The last day an event's own date reaches, for coverage: its end, except where GTD's end is an extended
    /// incident's resolution (a kidnapping freed a year later), which is not a day the file covers.
    /// </summary>
    private const string CoveredEndSql = $"CASE WHEN e.dataset = '{Dyad.Events.Datasets.Gtd}' AND e.date_precision = 'day' THEN e.date_start ELSE e.date_end END";

    /// <summary>A list literal of the gazetteer's country names (its own data, not user input).</summary>
    private static string SqlList(IEnumerable<string> values) => $"ARRAY[{string.Join(", ", values.Select(v => $"'{v.Replace("'", "''", StringComparison.Ordinal)}'"))}]";
}
