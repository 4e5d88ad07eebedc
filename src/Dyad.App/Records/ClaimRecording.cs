using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dyad.App.Views;
using Dyad.Claims;
using Dyad.Sources;
using Dyad.Store;

namespace Dyad.App.Records;

/// <summary>A claim as an analyst records it: parsed, corrected, stored with its source, and set against the store's events.</summary>
public static class ClaimRecording
{
    /// <summary>What was recorded: the claim and its evidence, and the parser's notes.</summary>
    public sealed record Recorded(ClaimEvidence Evidence, IReadOnlyList<string> Notes);

    public static Recorded Record(IDyadStore store, Registries registries, Source source, string text, DateOnly? statementDate,
        IEnumerable<string> corrections, string by, bool dryRun = false, string? original = null, string? language = null)
    {
        var channel = source.Type is SourceType.NewsAgency or SourceType.PropagandaOutlet or SourceType.OfficialStatement or SourceType.SocialMedia ? source.Publisher : null;
        var parsed = new ClaimParser(registries.Actors, registries.Gazetteer, registries.Vocabulary).Parse(text, statementDate, channel);
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

    /// <summary>A claim as it now is, and the source it cites.</summary>
    public sealed record Corrected(Claim Claim, Source Source);

    /// <exception cref="DyadException">NotFound: no claim with that id.</exception>
    public static Claim Find(IDyadStore store, int id) =>
        store.FindClaim(id) ?? throw new DyadException(DyadErrorKind.NotFound, $"No claim {id} in the store ('dyad claims list', GET /api/claims).");

    /// <summary>
    /// Corrects the fields of the claim as <paramref name="read"/> ("killed=4", "place=Chapa Dara"; an empty value
    /// clears one); the old values go to the record of changes with who corrected them.
    /// </summary>
    public static Corrected Correct(IDyadStore store, Registries registries, Claim read, IEnumerable<string> corrections, string by)
    {
        var correction = new ClaimCorrection(registries.Actors, registries.Gazetteer);
        var claim = store.UpdateClaim(corrections.Aggregate(read, correction.Apply), read, by);
        return new Corrected(claim, store.FindSource(claim.SourceId.ToString(CultureInfo.InvariantCulture))!);
    }

    /// <summary>A claim's version, a digest of everything in it: the server's ETag, against which a correction is made.</summary>
    public static string Version(Claim claim) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(claim, DyadJson.Options))))[..16]}\"";
}
