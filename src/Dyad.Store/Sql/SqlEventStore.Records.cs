using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Claims;
using Dyad.Sources;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore : IRecordStore
{
    private protected static readonly JsonSerializerOptions RecordJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private const string SourceColumns =
        "id, code, type, author, title, publisher, published, url, accessed, accessed_via, language, translated_from, pages, reliability, credibility, protection, notes";

    private const string ClaimColumns =
        "id, source_id, channel, stance, claimant_id, claimant_name, target_id, target_name, killed, wounded, killed_or_wounded, weapon, weapon_count, " +
        "place, admin1_id, admin2_id, event_date, statement_date, text, translation, language, accused_id, accused_name, target_community";

    public Source AddSource(Source source, string by)
    {
        source = source.Validated();
        if (FindSource(source.Code) is not null)
        {
            throw DyadException.BadUsage($"A source with the code {source.Code} is already in the store ('dyad sources show {source.Code}'); choose another code.");
        }

        using var transaction = Write();
        var now = _clock.GetUtcNow();
        using var insert = Command(
            $"""
            INSERT INTO sources ({SourceColumns[4..]}, created_by, created_at, updated_by, updated_at)
            VALUES ($code, $type, $author, $title, $publisher, $published, $url, $accessed, $accessed_via, $language, $translated_from, $pages,
                    $reliability, $credibility, $protection, $notes, $by, $at, $by, $at)
            RETURNING id
            """, [.. SourceParameters(source), ("by", by), ("at", now)]);
        var added = source with { Id = Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture) };
        RecordChange(now, by, "source", added.Code, "create", null, JsonSerializer.Serialize(added, RecordJson));
        transaction.Commit();
        return added;
    }

    public IReadOnlyList<Source> Sources() => ReadSources($"SELECT {SourceColumns} FROM sources ORDER BY id");

    public Source? FindSource(string codeOrId) =>
        ReadSources($"SELECT {SourceColumns} FROM sources WHERE lower(code) = lower($key) OR CAST(id AS VARCHAR) = $key", ("key", codeOrId)).FirstOrDefault();

    public Claim AddClaim(Claim claim, string by)
    {
        if (ReadSources($"SELECT {SourceColumns} FROM sources WHERE id = $id", ("id", claim.SourceId)).Count == 0)
        {
            throw new DyadException(DyadErrorKind.NotFound, $"No source {claim.SourceId} in the store: add it first with 'dyad sources add'.");
        }

        using var transaction = Write();
        var now = _clock.GetUtcNow();
        using var insert = Command(
            $"""
            INSERT INTO claims ({ClaimColumns[4..]}, created_by, created_at, updated_by, updated_at)
            VALUES ($source_id, $channel, $stance, $claimant_id, $claimant_name, $target_id, $target_name, $killed, $wounded, $killed_or_wounded,
                    $weapon, $weapon_count, $place, $admin1_id, $admin2_id, $event_date, $statement_date, $text, $translation, $language,
                    $accused_id, $accused_name, $target_community, $by, $at, $by, $at)
            RETURNING id
            """, [.. ClaimParameters(claim), ("by", by), ("at", now)]);
        var added = claim with { Id = Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture) };
        RecordChange(now, by, "claim", Id(added.Id), "create", null, JsonSerializer.Serialize(added, RecordJson));
        transaction.Commit();
        return added;
    }

    public Claim UpdateClaim(Claim claim, Claim basedOn, string by)
    {
        using var transaction = Write();
        // Read again inside the write's transaction: another analyst's correction made since basedOn was read is
        // refused here, never overwritten (and on PostgreSQL one made at the same moment fails the commit instead).
        var before = FindClaim(claim.Id) ?? throw new DyadException(DyadErrorKind.NotFound, $"No claim {claim.Id} in the store ('dyad claims list').");
        if (before != basedOn)
        {
            var last = Changes("claim", Id(claim.Id)).LastOrDefault();
            throw new DyadException(DyadErrorKind.Conflict,
                $"Claim {claim.Id} was changed{(last is null ? "" : $" by {last.By} at {last.At:yyyy-MM-dd HH:mm:ss} UTC")} after it was read; nothing was written. " +
                $"'dyad claims show {claim.Id}' shows it now: apply the correction to that.");
        }

        var now = _clock.GetUtcNow();
        using var update = Command(
            """
            UPDATE claims SET source_id = $source_id, channel = $channel, stance = $stance, claimant_id = $claimant_id, claimant_name = $claimant_name,
                   target_id = $target_id, target_name = $target_name, killed = $killed, wounded = $wounded, killed_or_wounded = $killed_or_wounded,
                   weapon = $weapon, weapon_count = $weapon_count, place = $place, admin1_id = $admin1_id, admin2_id = $admin2_id,
                   event_date = $event_date, statement_date = $statement_date, text = $text, translation = $translation, language = $language,
                   accused_id = $accused_id, accused_name = $accused_name, target_community = $target_community,
                   updated_by = $by, updated_at = $at
            WHERE id = $id
            """, [.. ClaimParameters(claim), ("by", by), ("at", now), ("id", claim.Id)]);
        update.ExecuteNonQuery();
        RecordChange(now, by, "claim", Id(claim.Id), "update", JsonSerializer.Serialize(before, RecordJson), JsonSerializer.Serialize(claim, RecordJson));
        transaction.Commit();
        return claim;
    }

    public IReadOnlyList<Claim> Claims() => ReadClaims($"SELECT {ClaimColumns} FROM claims ORDER BY id");

    public Claim? FindClaim(int id) => ReadClaims($"SELECT {ClaimColumns} FROM claims WHERE id = $id", ("id", id)).FirstOrDefault();

    public void Note(RecordChange change)
    {
        using var transaction = Write();
        RecordChange(change.At, change.By, change.RecordType, change.RecordId, change.Action, change.Before, change.After);
        transaction.Commit();
    }

    public IReadOnlyList<RecordChange> Changes(string? recordType = null, string? recordId = null)
    {
        using var command = Command(
            """
            SELECT changed_at, changed_by, record_type, record_id, action, before, after FROM record_changes
            WHERE (CAST($type AS VARCHAR) IS NULL OR record_type = $type) AND (CAST($id AS VARCHAR) IS NULL OR record_id = $id)
            ORDER BY changed_at, rowid
            """, ("type", recordType), ("id", recordId));
        using var reader = command.ExecuteReader();
        var changes = new List<RecordChange>();
        while (reader.Read())
        {
            changes.Add(new RecordChange(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), NullableString(reader, 5), NullableString(reader, 6)));
        }

        return changes;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static (string, object?)[] SourceParameters(Source s) =>
    [
        ("code", s.Code), ("type", Snake(s.Type)), ("author", s.Author), ("title", s.Title), ("publisher", s.Publisher), ("published", s.Published),
        ("url", s.Url), ("accessed", s.Accessed), ("accessed_via", s.AccessedVia), ("language", s.Language), ("translated_from", s.TranslatedFrom),
        ("pages", s.Pages), ("reliability", s.Reliability?.ToString()), ("credibility", (short?)s.Credibility), ("protection", Snake(s.Protection)), ("notes", s.Notes),
    ];

    private static (string, object?)[] ClaimParameters(Claim c) =>
    [
        ("source_id", c.SourceId), ("channel", c.Channel), ("stance", Snake(c.Stance)), ("claimant_id", c.ClaimantId), ("claimant_name", c.ClaimantName),
        ("target_id", c.TargetId), ("target_name", c.TargetName), ("killed", c.Killed), ("wounded", c.Wounded), ("killed_or_wounded", c.KilledOrWounded),
        ("weapon", c.Weapon), ("weapon_count", c.WeaponCount), ("place", c.Place), ("admin1_id", c.Admin1Id), ("admin2_id", c.Admin2Id),
        ("event_date", c.EventDate), ("statement_date", c.StatementDate), ("text", c.Text), ("translation", c.Translation), ("language", c.Language),
        ("accused_id", c.AccusedId), ("accused_name", c.AccusedName), ("target_community", c.TargetCommunity),
    ];

    private List<Source> ReadSources(string sql, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var r = command.ExecuteReader();
        var sources = new List<Source>();
        while (r.Read())
        {
            sources.Add(new Source
            {
                Id = r.GetInt32(r.GetOrdinal("id")),
                Code = r.GetString(r.GetOrdinal("code")),
                Type = Enum<SourceType>(r.GetString(r.GetOrdinal("type"))),
                Author = Text(r, "author"),
                Title = Text(r, "title"),
                Publisher = Text(r, "publisher"),
                Published = Text(r, "published"),
                Url = Text(r, "url"),
                Accessed = Value<DateOnly>(r, "accessed"),
                AccessedVia = Text(r, "accessed_via"),
                Language = Text(r, "language"),
                TranslatedFrom = Text(r, "translated_from"),
                Pages = Text(r, "pages"),
                Reliability = Text(r, "reliability") is [var grade] ? grade : null,
                Credibility = Value<short>(r, "credibility"),
                Protection = Enum<Protection>(r.GetString(r.GetOrdinal("protection"))),
                Notes = Text(r, "notes"),
            });
        }

        return sources;
    }

    private List<Claim> ReadClaims(string sql, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var r = command.ExecuteReader();
        var claims = new List<Claim>();
        while (r.Read())
        {
            claims.Add(new Claim
            {
                Id = r.GetInt32(r.GetOrdinal("id")),
                SourceId = r.GetInt32(r.GetOrdinal("source_id")),
                Channel = Text(r, "channel"),
                Stance = Enum<ClaimStance>(r.GetString(r.GetOrdinal("stance"))),
                ClaimantId = Text(r, "claimant_id"),
                ClaimantName = Text(r, "claimant_name"),
                TargetId = Text(r, "target_id"),
                TargetName = Text(r, "target_name"),
                Killed = Value<int>(r, "killed"),
                Wounded = Value<int>(r, "wounded"),
                KilledOrWounded = Value<int>(r, "killed_or_wounded"),
                Weapon = Text(r, "weapon"),
                WeaponCount = Value<int>(r, "weapon_count"),
                Place = Text(r, "place"),
                Admin1Id = Text(r, "admin1_id"),
                Admin2Id = Text(r, "admin2_id"),
                EventDate = Value<DateOnly>(r, "event_date"),
                StatementDate = Value<DateOnly>(r, "statement_date"),
                Text = r.GetString(r.GetOrdinal("text")),
                Translation = Text(r, "translation"),
                Language = Text(r, "language"),
                AccusedId = Text(r, "accused_id"),
                AccusedName = Text(r, "accused_name"),
                TargetCommunity = Text(r, "target_community"),
            });
        }

        return claims;
    }

    private static string? Text(DbDataReader r, string column) => NullableString(r, r.GetOrdinal(column));

    private static T? Value<T>(DbDataReader r, string column) where T : struct => Nullable<T>(r, r.GetOrdinal(column));

    /// <summary>Enum values are stored as snake_case words ("news_agency"), as the JSON exports write them.</summary>
    private static string Snake<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static T Enum<T>(string text) where T : struct, Enum =>
        System.Enum.GetValues<T>().First(v => Snake(v) == text);
}
