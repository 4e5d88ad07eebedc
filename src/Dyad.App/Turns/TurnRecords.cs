using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Analysis.Forecasting;
using Dyad.Analysis.Statistics;
using Dyad.Analysis.Turns;
using Dyad.App.Forecasting;
using Dyad.Store;

namespace Dyad.App.Turns;

/// <summary>An event in the store that may report a turning event, for an analyst to confirm.</summary>
public sealed record StoredTurnCandidate(long EventId, string Dataset, string DatasetId, DateOnly Date, string? Place, string? Actor1, string? Actor2, string SuggestedKind, string Evidence);

/// <summary>A turning event and what each group it concerns did after it: its monthly events against their own past.</summary>
public sealed record TurnDossier(TurningEvent Turn, IReadOnlyList<GroupStudy> Studies);

/// <summary>One group's monthly events (on either side) around a turning event.</summary>
public sealed record GroupStudy(string Group, string Name, EventStudyResult Study);

/// <summary>
/// The turning events on record: the leadership losses of leaders.json and everything in turns.json (accords,
/// takeovers, pledges, splits, defections), each with its source. Adding one appends it to turns.json and leaves every
/// entry already there as it was.
/// </summary>
public sealed class TurnRecords(Registries registries, string? registryOption)
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file <see cref="Add"/> writes: the user's layer, or beside a registry named with --registry.</summary>
    public string Path => RegistryFiles.TurnsToWrite(registryOption);

    /// <summary>Every turning event on record (the shipped ones and the user's), oldest first.</summary>
    public IReadOnlyList<TurningEvent> All() =>
        [.. RegistryFiles.LoadLeaders(registryOption).Select(TurningEvent.Of).Concat(RegistryFiles.LoadTurns(registryOption))
            .OrderBy(t => t.Date).ThenBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>The defections on record, in a period, oldest first.</summary>
    public IReadOnlyList<TurningEvent> Defections(DateOnly? from = null, DateOnly? to = null) =>
        [.. All().Where(t => t.Kind == TurningEvent.Defection && (from is null || t.Date >= from) && (to is null || t.Date <= to))];

    /// <summary>The turning event whose name contains <paramref name="name"/> (any case).</summary>
    /// <exception cref="DyadException">NotFound: none does. BadUsage: several do.</exception>
    public TurningEvent Find(string name)
    {
        var matches = All().Where(t => t.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches switch
        {
            [var one] => one,
            [] => throw new DyadException(DyadErrorKind.NotFound, $"no turning event on record is named '{name}'; 'dyad turns list' lists them."),
            _ => matches.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw DyadException.BadUsage($"'{name}' names {matches.Count} turning events ({string.Join("; ", matches.Select(m => m.Name))}): say more of the name."),
        };
    }

    /// <summary>
    /// Records a turning event in turns.json: its kind one of <see cref="TurningEvent.Kinds"/>, its groups (and a
    /// defection's from and to) resolved to registry ids, and never the same name on the same day twice. The file is
    /// replaced in one rename, so that no failure leaves half of it.
    /// </summary>
    /// <exception cref="DyadException">BadUsage: an unknown kind or actor, a defection without from and to, or a duplicate.</exception>
    public TurningEvent Add(TurningEvent turn)
    {
        if (!TurningEvent.Kinds.Contains(turn.Kind))
        {
            throw DyadException.BadUsage($"'{turn.Kind}' is not a kind of turning event: {string.Join(", ", TurningEvent.Kinds)}.");
        }

        if (turn.Kind == TurningEvent.Defection && (turn.From is null || turn.To is null))
        {
            throw DyadException.BadUsage("a defection says who moved from whom to whom: --from-group and --to-group.");
        }

        if (string.IsNullOrWhiteSpace(turn.Source))
        {
            throw DyadException.BadUsage("a turning event needs its source (--source): a citation, or the code of a source in the store.");
        }

        var resolved = turn with
        {
            Groups = [.. turn.Groups.Concat([turn.From, turn.To]).OfType<string>().Select(Resolve).Distinct(StringComparer.Ordinal)],
            From = turn.From is { } from ? Resolve(from) : null,
            To = turn.To is { } to ? Resolve(to) : null,
        };
        using var writing = FileLock.Exclusive(Path);
        if (All().Any(t => t.Date == resolved.Date && t.Name.Equals(resolved.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DyadException(DyadErrorKind.Conflict, $"'{resolved.Name}' on {resolved.Date:yyyy-MM-dd} is already on record in {Path}.");
        }

        JsonObject document;
        try
        {
            document = File.Exists(Path)
                ? JsonNode.Parse(File.ReadAllText(Path)) as JsonObject ?? throw DyadException.BadInput($"{Path}: not a JSON object.", Path)
                : new JsonObject { ["about"] = "Your turning events other than leadership losses (those are in leaders.json), each with its source; read with those Dyad ships.", ["turns"] = new JsonArray() };
        }
        catch (JsonException e)
        {
            throw DyadException.BadInput($"{Path}: not readable JSON ({e.Message}); nothing was changed.", Path, inner: e);
        }

        if (document["turns"] is not JsonArray list)
        {
            throw DyadException.BadInput($"{Path}: has no list of \"turns\"; nothing was changed.", Path);
        }

        list.Add(resolved.ToJson());
        // The new file must read back before it replaces the old one, in one rename: no failure or kill leaves half of it.
        var temporary = $"{Path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, document.ToJsonString(WriteOptions) + "\n");
            TurningEvent.Load(temporary);
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return resolved;
    }

    /// <summary>What each group the turning event concerns did after it, in the store (a country, if given), against its own past.</summary>
    public TurnDossier Study(IEventStore store, TurningEvent turn, string? country = null)
    {
        var months = All().Select(t => t.Date).ToList();
        // The series counts every source in the store (in the country): each must cover the study's whole window.
        var month = new DateOnly(turn.Date.Year, turn.Date.Month, 1);
        var window = EventStudy.Window(month);
        var datasets = DatasetCoverage.Of(store.Coverage().Where(f => country is null || f.Countries is null || f.Countries.Contains(country, StringComparer.OrdinalIgnoreCase)));
        var uncovered = datasets.Any(d => !d.Covers(window.From, window.To)) ? EventStudy.NotCovered(month, datasets) : null;
        var studies = new List<GroupStudy>();
        foreach (var group in turn.Groups)
        {
            ForecastSeries series;
            try
            {
                series = new ForecastService(registries).Series(store, new ForecastRequest(ForecastKind.Events, group, Country: country));
            }
            catch (DyadException e) when (e.Kind == DyadErrorKind.BadInput)
            {
                studies.Add(new GroupStudy(group, Display(group), EventStudyResult.NotEstimable("no events of it in the store")));
                continue;
            }

            // The comparison: everyone else's events in the same places and months, which the event did not touch directly.
            var counts = series.CountryKind.Select(c => (double)c).ToList();
            var others = series.CountryAll.Select((all, t) => (double)(all - series.CountryKind[t])).ToList();
            studies.Add(new GroupStudy(group, Display(group), uncovered is null
                ? EventStudy.Of(counts, series.IndexOf(turn.Date), [.. months.Select(series.IndexOf).Where(m => m >= 0 && m < series.Months)], others)
                : EventStudyResult.NotEstimable(uncovered)));
        }

        return new TurnDossier(turn, studies);
    }

    /// <summary>
    /// The events in the store that may report a turning event of <paramref name="actor"/> (any, when null), in a
    /// period: its words (defected, joined, pledged allegiance, split, ceasefire, peace deal) or ACLED's strategic
    /// developments. An analyst reads each and records the real ones with <see cref="Add"/>.
    /// </summary>
    public IReadOnlyList<StoredTurnCandidate> Candidates(IEventStore store, string? actor = null, DateOnly? from = null, DateOnly? to = null)
    {
        var ids = actor is null ? null : registries.Actors.WithMembers(Resolve(actor));
        return [.. store.Events(new EventFilter(From: from, To: to, ActorIds: ids))
            .Select(e => (Stored: e, Candidate: TurnCandidates.Of(e.Event)))
            .Where(c => c.Candidate is not null)
            .Select(c => new StoredTurnCandidate(c.Stored.Id, c.Stored.Event.Dataset, c.Stored.Event.DatasetId, c.Stored.Event.Date.Start,
                string.Join(", ", new[] { c.Stored.Event.Place.Name, c.Stored.Event.Place.Admin2, c.Stored.Event.Place.Admin1, c.Stored.Event.Place.Country }.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct()),
                c.Stored.Event.Actors.Actor1, c.Stored.Event.Actors.Actor2, c.Candidate!.SuggestedKind, c.Candidate.Evidence))];
    }

    private string Display(string id) => registries.Actors.Lookup(id)?.ShortName ?? id;

    private string Resolve(string name) => registries.Actors.Require(name).Id;
}
