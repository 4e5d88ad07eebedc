using Dyad.Places;

namespace Dyad.Store.DuckDb;

public sealed partial class DuckDbEventStore
{
    public long AssignPlaces(Gazetteer gazetteer, bool all = false)
    {
        using var transaction = _connection.BeginTransaction();
        if (all)
        {
            Execute(_connection, "DELETE FROM event_places");
        }

        // Events in the gazetteer's countries, and events that name no country (some extracts do not), not yet assigned.
        using var pending = Command(
            """
            SELECT e.id, e.country, e.admin1, e.admin2, e.place, e.latitude, e.longitude, e.date_start
            FROM events e ANTI JOIN event_places p ON p.event_id = e.id
            WHERE e.country IS NULL OR list_has_any(string_split(e.country, ', '), $countries)
            """,
            ("countries", gazetteer.Countries.ToList()));
        long assigned = 0;
        using (var reader = pending.ExecuteReader())
        using (var appender = _connection.CreateAppender("event_places"))
        {
            while (reader.Read())
            {
                var country = NullableString(reader, 1);
                var place = gazetteer.Assign(
                    country?.Split(", ")[0], NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4),
                    Nullable<double>(reader, 5), Nullable<double>(reader, 6), reader.GetFieldValue<DateOnly>(7));
                appender.CreateRow()
                    .AppendValue(reader.GetInt64(0)).AppendValue(place.Admin1Id is { } unit ? gazetteer.Find(unit)?.Country : null)
                    .AppendValue(place.Admin1Id).AppendValue(place.Admin2Id).AppendValue(place.Method).AppendValue(place.Confidence)
                    .EndRow();
                assigned++;
            }
        }

        transaction.Commit();
        return assigned;
    }
}
