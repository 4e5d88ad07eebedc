using Dyad.Sources;
using Dyad.Store;

namespace Dyad.App.Records;

/// <summary>What importing a case file did: records added, and records the store already had and kept as they are.</summary>
public sealed record CaseFileReport(string Path, int SourcesAdded, int SourcesKept, int ClaimsAdded, int ClaimsKept, IReadOnlyList<string> Warnings)
{
    public int Read => SourcesAdded + SourcesKept + ClaimsAdded + ClaimsKept;
}

/// <summary>
/// Imports a case file's sources and claims. A record the store already has (a source with the same code, a claim
/// with the same source and text) is kept as the store has it — an analyst's record is never overwritten — and a
/// source whose fields differ from the store's is named in a warning. Importing the same file twice adds nothing.
/// </summary>
public static class CaseFileImport
{
    public static CaseFileReport Run(IDyadStore store, Registries registries, string path, string by)
    {
        var file = CaseFile.Read(path);
        var warnings = new List<string>();
        int sourcesAdded = 0, sourcesKept = 0, claimsAdded = 0, claimsKept = 0;
        foreach (var source in file.Sources)
        {
            if (store.FindSource(source.Code) is { } existing)
            {
                sourcesKept++;
                if (existing with { Id = 0 } != source)
                {
                    warnings.Add($"source {source.Code} differs from the store's, which is kept ('dyad sources show {source.Code}').");
                }

                continue;
            }

            store.AddSource(source, by);
            sourcesAdded++;
        }

        var claims = store.Claims();
        foreach (var claim in file.Claims)
        {
            var source = store.FindSource(claim.Source)
                ?? throw DyadException.BadInput($"{path}: a claim cites the source {claim.Source}, which is neither in the file nor in the store.", path, column: "source");
            if (claims.Any(c => c.SourceId == source.Id && (c.Text == (claim.Original ?? claim.Text))))
            {
                claimsKept++;
                continue;
            }

            ClaimRecording.Record(store, registries, source, claim.Text, claim.StatementDate, claim.Corrections, by, original: claim.Original, language: claim.Language);
            claimsAdded++;
        }

        return new CaseFileReport(path, sourcesAdded, sourcesKept, claimsAdded, claimsKept, warnings);
    }
}
