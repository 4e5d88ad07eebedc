using Dyad.Places;

namespace Dyad.Store.DuckDb;

public sealed partial class DuckDbEventStore
{
    public long AssignPlaces(Gazetteer gazetteer, bool all = false)
    {
        using var transaction = Write();
        // All again; or, after imports, the events they added and the ones they revised (whose place may have changed).
        Execute(_connection, all
            ? "DELETE FROM event_places"
            : "DELETE FROM event_places WHERE event_id IN (SELECT id FROM events WHERE import_id IN (SELECT id FROM pending_imports))");

        // Events cluster on the same points and names (a village, a district seat, a province's centroid), so each
        // distinct location is assigned once and joined back: a fraction of the work of one assignment per event.
        // Events in the gazetteer's countries, and events that name no country (some extracts do not), not yet assigned.
        Execute(_connection,
            $"""
            CREATE OR REPLACE TEMP TABLE pending_places AS
            SELECT e.id, e.country, e.admin1, e.admin2, e.place, e.latitude, e.longitude, e.date_start < DATE '{Gazetteer.FataMerger:yyyy-MM-dd}' AS before_fata_merger
            FROM events e ANTI JOIN event_places p ON p.event_id = e.id
            WHERE e.country IS NULL OR list_has_any(string_split(e.country, ', '), {SqlList(gazetteer.Countries)})
            """);
        Execute(_connection, "CREATE OR REPLACE TEMP TABLE place_keys (country VARCHAR, admin1 VARCHAR, admin2 VARCHAR, place VARCHAR, latitude DOUBLE, longitude DOUBLE, before_fata_merger BOOLEAN, unit_country VARCHAR, admin1_id VARCHAR, admin2_id VARCHAR, method VARCHAR, confidence DOUBLE)");
        using (var keys = Command("SELECT DISTINCT country, admin1, admin2, place, latitude, longitude, before_fata_merger FROM pending_places"))
        using (var reader = keys.ExecuteReader())
        using (var appender = _connection.CreateAppender("place_keys"))
        {
            while (reader.Read())
            {
                var country = NullableString(reader, 0);
                var beforeMerger = reader.GetBoolean(6);
                var place = gazetteer.Assign(
                    country?.Split(", ")[0], NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3),
                    Nullable<double>(reader, 4), Nullable<double>(reader, 5), beforeMerger ? Gazetteer.FataMerger.AddDays(-1) : Gazetteer.FataMerger);
                appender.CreateRow()
                    .AppendValue(country).AppendValue(NullableString(reader, 1)).AppendValue(NullableString(reader, 2)).AppendValue(NullableString(reader, 3))
                    .AppendValue(Nullable<double>(reader, 4)).AppendValue(Nullable<double>(reader, 5)).AppendValue(beforeMerger)
                    .AppendValue(place.Admin1Id is { } unit ? gazetteer.Find(unit)?.Country : null)
                    .AppendValue(place.Admin1Id).AppendValue(place.Admin2Id).AppendValue(place.Method).AppendValue(place.Confidence)
                    .EndRow();
            }
        }

        long assigned;
        using (var insert = Command(
            """
            INSERT INTO event_places
            SELECT e.id, k.unit_country, k.admin1_id, k.admin2_id, k.method, k.confidence
            FROM pending_places e JOIN place_keys k
              ON e.country IS NOT DISTINCT FROM k.country AND e.admin1 IS NOT DISTINCT FROM k.admin1
             AND e.admin2 IS NOT DISTINCT FROM k.admin2 AND e.place IS NOT DISTINCT FROM k.place
             AND e.latitude IS NOT DISTINCT FROM k.latitude AND e.longitude IS NOT DISTINCT FROM k.longitude
             AND e.before_fata_merger = k.before_fata_merger
            """))
        {
            assigned = insert.ExecuteNonQuery();
        }

        Execute(_connection, "DROP TABLE pending_places; DROP TABLE place_keys;");
        // Each file's coverage names the countries its events were placed in, so it is brought up to date here.
        Execute(_connection,
            $"""
            {(all ? "DELETE FROM import_coverage;" : "")}
            INSERT INTO import_coverage
            SELECT e.import_id, min(e.date_start), max(e.date_end),
                   coalesce(list(DISTINCT coalesce(e.country, p.country) ORDER BY coalesce(e.country, p.country))
                            FILTER (WHERE coalesce(e.country, p.country) IS NOT NULL), [])
            FROM events e LEFT JOIN event_places p ON p.event_id = e.id
            WHERE e.import_id NOT IN (SELECT import_id FROM import_coverage)
            GROUP BY e.import_id
            """);
        transaction.Commit();
        return assigned;
    }

    /// <summary>A list literal of the gazetteer's country names (its own data, not user input).</summary>
    private static string SqlList(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(v => $"'{v.Replace("'", "''", StringComparison.Ordinal)}'"))}]";
}
