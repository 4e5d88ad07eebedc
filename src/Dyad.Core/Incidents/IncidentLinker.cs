namespace Dyad.Incidents;

/// <summary>An analyst's decision that two events report the same incident (<see cref="Same"/>) or not.</summary>
public sealed record LinkDecision(long EventA, long EventB, bool Same, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>A link kept between two events (EventA &lt; EventB).</summary>
public sealed record IncidentLink(long EventA, long EventB, double Score, string Rule, IReadOnlyList<string> Reasons);

/// <summary>What linking made: the links kept, and the incident of every linked event (its smallest event id).</summary>
public sealed record LinkingResult(IReadOnlyList<IncidentLink> Links, IReadOnlyDictionary<long, long> IncidentOf, long CandidatesScored);

/// <summary>
/// Turns scored candidate pairs into incidents. An event takes at most one link to each other dataset (the best
/// scored: two ACLED rows on the same day in the same town cannot both be GTD's one attack), the analyst's decisions
/// override the scores both ways, and linked events are grouped transitively — except that no incident may hold two
/// events an analyst said are different.
/// </summary>
public sealed class IncidentLinker(LinkScorer scorer)
{
    /// <exception cref="OperationCanceledException">Cancelled: checked every few thousand candidates, so that Ctrl-C stops a long linking at once.</exception>
    public LinkingResult Link(IEnumerable<LinkCandidate> candidates, IReadOnlyList<LinkDecision> decisions, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var different = decisions.Where(d => !d.Same).Select(d => Key(d.EventA, d.EventB)).ToHashSet();
        var proposed = new List<(IncidentLink Link, string DatasetA, string DatasetB, bool Analyst)>();
        long scored = 0;
        foreach (var candidate in candidates)
        {
            if (++scored % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (scorer.Score(candidate) is not { Accepted: true } score || different.Contains(Key(candidate.A.EventId, candidate.B.EventId)))
            {
                continue;
            }

            var (a, b) = candidate.A.EventId < candidate.B.EventId ? (candidate.A, candidate.B) : (candidate.B, candidate.A);
            proposed.Add((new IncidentLink(a.EventId, b.EventId, score.Score, score.Rule, score.Reasons), a.Dataset, b.Dataset, false));
        }

        foreach (var decision in decisions.Where(d => d.Same))
        {
            var (a, b) = decision.EventA < decision.EventB ? (decision.EventA, decision.EventB) : (decision.EventB, decision.EventA);
            proposed.RemoveAll(p => p.Link.EventA == a && p.Link.EventB == b);
            proposed.Add((new IncidentLink(a, b, 1, LinkRules.Analyst, [$"confirmed by {decision.DecidedBy} on {decision.DecidedAt:yyyy-MM-dd}"]), "", "", true));
        }

        // The analyst's links first, then the best scores; ties go to the earlier events, so that a re-link of the same
        // store makes the same incidents.
        var ordered = proposed.OrderByDescending(p => p.Analyst).ThenByDescending(p => p.Link.Score)
            .ThenBy(p => p.Link.EventA).ThenBy(p => p.Link.EventB);
        var taken = new HashSet<(long Event, string OtherDataset)>();
        var clusters = new UnionFind();
        var kept = new List<IncidentLink>();
        foreach (var (link, datasetA, datasetB, analyst) in ordered)
        {
            var crossDataset = !analyst && datasetA != datasetB;
            if (crossDataset && (taken.Contains((link.EventA, datasetB)) || taken.Contains((link.EventB, datasetA))))
            {
                continue;
            }

            if (!clusters.TryUnion(link.EventA, link.EventB, different))
            {
                continue;
            }

            if (crossDataset)
            {
                taken.Add((link.EventA, datasetB));
                taken.Add((link.EventB, datasetA));
            }

            kept.Add(link);
        }

        return new LinkingResult(kept, clusters.IncidentIds(), scored);
    }

    private static (long, long) Key(long a, long b) => a < b ? (a, b) : (b, a);

    /// <summary>Groups of events, each kept with its members so that a merge can be refused.</summary>
    private sealed class UnionFind
    {
        private readonly Dictionary<long, long> _parent = [];
        private readonly Dictionary<long, List<long>> _members = [];

        public bool TryUnion(long a, long b, HashSet<(long, long)> different)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra == rb)
            {
                return true;
            }

            var (ma, mb) = (_members[ra], _members[rb]);
            if (different.Count > 0 && ma.Any(x => mb.Any(y => different.Contains(Key(x, y)))))
            {
                return false;
            }

            var (keep, drop) = ra < rb ? (ra, rb) : (rb, ra);
            _parent[drop] = keep;
            _members[keep].AddRange(_members[drop]);
            _members.Remove(drop);
            return true;
        }

        /// <summary>Each grouped event's incident: the root, which is always the smallest id (the smaller root is kept).</summary>
        public Dictionary<long, long> IncidentIds() =>
            _members.Where(kv => kv.Value.Count > 1).SelectMany(kv => kv.Value.Select(member => (member, kv.Key))).ToDictionary(x => x.member, x => x.Key);

        private long Find(long x)
        {
            if (!_parent.ContainsKey(x))
            {
                _parent[x] = x;
                _members[x] = [x];
                return x;
            }

            var root = x;
            while (_parent[root] != root)
            {
                root = _parent[root];
            }

            while (_parent[x] != root)
            {
                var next = _parent[x];
                _parent[x] = root;
                x = next;
            }

            return root;
        }
    }
}
