using Dyad.Claims;
using Dyad.Sources;
using Dyad.Store;
using Dyad.Store.Sql;

namespace Dyad.App.Records;

/// <summary>A claim as an analyst records it: parsed, corrected, stored with its source, and set against the store's events.</summary>
public static class ClaimRecording
{
    /// <summary>What was recorded: the claim and its evidence, and the parser's notes.</summary>
    public sealed record Recorded(ClaimEvidence Evidence, IReadOnlyList<string> Notes);

    public static Recorded Record(SqlEventStore store, Registries registries, Source source, string text, DateOnly? statementDate,
        IEnumerable<string> corrections, string by, bool dryRun = false, string? original = null, string? language = null)
    {
        var channel = source.Type is SourceType.NewsAgency or SourceType.PropagandaOutlet or SourceType.OfficialStatement or SourceType.SocialMedia ? source.Publisher : null;
        var parsed = new ClaimParser(registries.Actors, registries.Gazetteer).Parse(text, statementDate, channel);
        var correction = new ClaimCorrection(registries.Actors, registries.Gazetteer);
        // The statement in its original language is the claim's text; the English the parser read is its translation.
        var claim = parsed.Claim with
        {
            SourceId = source.Id,
            Text = original ?? text,
            Translation = original is null ? null : text,
            Language = language ?? source.TranslatedFrom ?? source.Language,
        };
        claim = corrections.Aggregate(claim, correction.Apply);
        if (!dryRun)
        {
            claim = store.AddClaim(claim, by);
        }

        return new Recorded(ClaimEvidenceSearch.For(store, store, new ClaimMatcher(registries.Actors), claim), parsed.Notes);
    }
}
