using System.Collections.Concurrent;
using Dyad.App.Rivalry;
using Dyad.Store.Sql;

namespace Dyad.Web.Hosting;

/// <summary>
/// Rivalries computed lately, by what was asked: a rivalry reads every event of both sides, far more than a page, and a
/// team asks for the same few again and again. One is computed again when an import has come in since, or after a
/// minute (so that a relink or a registry change made from the command line shows within a minute).
/// </summary>
public sealed class RivalryCache(RivalryService rivalry, TimeProvider clock)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    /// <summary>Enough for the dashboard's usual questions; when full, the cache starts again.</summary>
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<string, (RivalryReport Report, long LastImport, DateTimeOffset Computed)> _computed = new(StringComparer.Ordinal);

    public RivalryReport Compute(SqlEventStore store, RivalryRequest request)
    {
        var key = string.Join('|', request.A.ToLowerInvariant(), request.B.ToLowerInvariant(), request.From, request.To, request.Unit,
            string.Join(',', request.Countries ?? []));
        var lastImport = store.LastImportId();
        var now = clock.GetUtcNow();
        if (_computed.TryGetValue(key, out var kept) && kept.LastImport == lastImport && now - kept.Computed < Kept)
        {
            return kept.Report;
        }

        var report = rivalry.Compute(store, request);
        if (_computed.Count >= MaxEntries)
        {
            _computed.Clear();
        }

        _computed[key] = (report, lastImport, now);
        return report;
    }
}
