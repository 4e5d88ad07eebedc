using Dyad.Analysis.Leaders;
using Dyad.Analysis.Statistics;
using Dyad.Analysis.Turns;
using Dyad.Store;

namespace Dyad.Analysis.Rivalry;

/// <summary>
/// Turns the store's monthly rivalry cells into the rivalry's measures. Every figure is a sum over cells, so that
/// each can be checked against a query over the store.
/// </summary>
public static class RivalryAnalysis
{
    /// <summary>Months before and after a leadership loss that are compared.</summary>
    public const int LeaderWindowMonths = 6;

    /// <param name="store">The store's cells by month (<see cref="PeriodUnit.Month"/>), whatever unit the tables use:
    /// every figure counts incidents, and the per-dataset table counts each dataset's events.</param>
    /// <param name="placeName">A province or district key's name for people.</param>
    /// <param name="coverage">What each imported file covers: turning points where a source begins or ends are not
    /// turning points, and a leader's before and after are counted only in the sources that cover both.</param>
    /// <param name="turns">Turning events besides the leadership losses (accords, takeovers): studied when they concern either side or the conflict as a whole.</param>
    public static RivalryResult Compute(Side a, Side b, RivalryCells store, PeriodUnit by, IReadOnlyList<LeadershipLoss> losses, Func<string, string> placeName,
        IReadOnlyList<FileCoverage>? coverage = null, IReadOnlyList<TurningEvent>? turns = null)
    {
        var monthly = store.Incidents;
        var cells = monthly.Select(c => c with { Period = Truncate(c.Period, by) }).ToList();
        var periods = Range(cells.Select(c => c.Period), by);
        var byPeriod = cells.ToLookup(c => c.Period);
        var timeline = periods.Select(p =>
        {
            var here = byPeriod[p].ToList();
            var dyadic = here.Where(c => c.Role == RivalryRole.Dyadic).ToList();
            return new PeriodRow(p, dyadic.Sum(c => c.Events), dyadic.Sum(c => c.DeathsLow), dyadic.Sum(c => c.DeathsBest), dyadic.Sum(c => c.DeathsHigh),
                SumOrNull(dyadic.Select(c => c.DeathsA)), SumOrNull(dyadic.Select(c => c.DeathsB)),
                here.Where(c => c.Role == RivalryRole.SideA).Sum(c => c.Events), here.Where(c => c.Role == RivalryRole.SideB).Sum(c => c.Events),
                here.Where(c => c.Role == RivalryRole.Either).Sum(c => c.Events));
        }).ToList();

        var provinces = cells.GroupBy(c => c.Province ?? "")
            .Select(g => new ProvinceRow(g.Key, g.Key.Length == 0 ? "(province not known)" : placeName(g.Key),
                Sum(g, RivalryRole.Dyadic, c => c.Events), Sum(g, RivalryRole.Dyadic, c => c.DeathsBest),
                Sum(g, RivalryRole.SideA, c => c.Events), Sum(g, RivalryRole.SideA, c => c.DeathsBest),
                Sum(g, RivalryRole.SideB, c => c.Events), Sum(g, RivalryRole.SideB, c => c.DeathsBest), Sum(g, RivalryRole.Either, c => c.Events)))
            .OrderByDescending(p => p.DyadicEvents).ThenByDescending(p => p.EventsA + p.EventsB).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

        // Only sources that record targets (GTD) tell whom a side attacked; events without a target type are left out.
        var targets = cells.Where(c => c.Role is RivalryRole.SideA or RivalryRole.SideB && c.TargetType is not null).GroupBy(c => c.TargetType!)
            .Select(g => new TargetRow(g.Key, Sum(g, RivalryRole.SideA, c => c.Events), Sum(g, RivalryRole.SideB, c => c.Events)))
            .OrderByDescending(t => t.EventsA + t.EventsB).ThenBy(t => t.TargetType, StringComparer.Ordinal)
            .ToList();

        var dyad = cells.Where(c => c.Role == RivalryRole.Dyadic).ToList();
        var dyadSummary = new DyadSummary(dyad.Sum(c => c.Events), dyad.Sum(c => c.DeathsLow), dyad.Sum(c => c.DeathsBest), dyad.Sum(c => c.DeathsHigh),
            SumOrNull(dyad.Select(c => c.DeathsA)), SumOrNull(dyad.Select(c => c.DeathsB)),
            dyad.Count == 0 ? null : monthly.Where(c => c.Role == RivalryRole.Dyadic).Min(c => c.Period),
            dyad.Count == 0 ? null : monthly.Where(c => c.Role == RivalryRole.Dyadic).Max(c => c.Period));

        var dyadicByMonth = monthly.Where(c => c.Role == RivalryRole.Dyadic).ToLookup(c => c.Period);
        var monthlyDyadic = Range(monthly.Select(c => c.Period), PeriodUnit.Month)
            .Select(m => (Month: m, Events: (double)dyadicByMonth[m].Sum(c => c.Events))).ToList();
        var changes = ChangePoints.Find([.. monthlyDyadic.Select(m => m.Events)]).Select(i => monthlyDyadic[i].Month).ToList();
        var used = store.Events.Select(c => c.Dataset).ToHashSet(StringComparer.Ordinal);
        var files = (coverage ?? []).Where(f => used.Contains(f.Dataset)).ToList();
        var datasets = DatasetCoverage.Of(files);
        var edges = CoverageEdges(datasets, monthlyDyadic.Select(m => m.Month).ToList());
        var turningPoints = changes.Where(p => !edges.Any(e => Math.Abs(MonthsBetween(p, e)) <= 1)).ToList();

        var perDataset = store.Events.GroupBy(c => c.Dataset)
            .Select(g => new DatasetRow(g.Key, Sum(g, RivalryRole.Dyadic, c => c.Events), Sum(g, RivalryRole.Dyadic, c => c.DeathsBest),
                Sum(g, RivalryRole.SideA, c => c.Events), Sum(g, RivalryRole.SideB, c => c.Events), Sum(g, RivalryRole.Either, c => c.Events)))
            .OrderBy(d => d.Dataset, StringComparer.Ordinal).ToList();
        var incidents = new IncidentCounts(cells.Sum(c => c.Events), cells.Where(c => c.Dataset.Contains('+', StringComparison.Ordinal)).Sum(c => c.Events),
            store.Events.Sum(c => c.Events));

        return new RivalryResult(a, b, by, [.. perDataset.Select(d => d.Dataset)], timeline, provinces, targets,
            Summary(cells, RivalryRole.SideA), Summary(cells, RivalryRole.SideB), Summary(cells, RivalryRole.Either), dyadSummary, TerritoryOf(cells, periods),
            Leaders(a, b, monthly, losses, coverage is null ? null : datasets), turningPoints, perDataset, incidents, files, [.. changes.Except(turningPoints)],
            cells.Where(c => c.Role == RivalryRole.Dyadic && c.District is not null).GroupBy(c => c.District!).ToDictionary(g => g.Key, g => g.Sum(c => c.Events), StringComparer.Ordinal),
            AfterTurns(a, b, monthly, [.. losses.Select(TurningEvent.Of), .. turns ?? []], edges),
            [.. (turns ?? []).Where(t => t.Kind == TurningEvent.Defection && t.Groups.Any(g => a.ActorIds.Contains(g) || b.ActorIds.Contains(g))).OrderBy(t => t.Date)]);
    }

    /// <summary>The months where a dataset's coverage begins, or the month after it ends, inside the series.</summary>
    private static List<DateOnly> CoverageEdges(IReadOnlyList<DatasetCoverage> datasets, IReadOnlyList<DateOnly> months)
    {
        if (months.Count == 0)
        {
            return [];
        }

        var (first, last) = (months[0], months[^1]);
        return [.. datasets.SelectMany(d => d.Spans).SelectMany(s => new[] { Truncate(s.From, PeriodUnit.Month), Truncate(s.To, PeriodUnit.Month).AddMonths(1) })
            .Where(edge => edge > first && edge <= last).Distinct()];
    }

    private static int MonthsBetween(DateOnly a, DateOnly b) => ((a.Year - b.Year) * 12) + a.Month - b.Month;

    /// <summary>The first day of the period a day falls in.</summary>
    public static DateOnly Truncate(DateOnly day, PeriodUnit by) => by switch
    {
        PeriodUnit.Year => new DateOnly(day.Year, 1, 1),
        PeriodUnit.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    private static DateOnly Next(DateOnly period, PeriodUnit by) => by switch
    {
        PeriodUnit.Year => period.AddYears(1),
        PeriodUnit.Quarter => period.AddMonths(3),
        _ => period.AddMonths(1),
    };

    /// <summary>Every period from the first to the last, empty ones included.</summary>
    private static List<DateOnly> Range(IEnumerable<DateOnly> periods, PeriodUnit by)
    {
        var list = periods.ToList();
        var range = new List<DateOnly>();
        if (list.Count == 0)
        {
            return range;
        }

        for (var p = list.Min(); p <= list.Max(); p = Next(p, by))
        {
            range.Add(p);
        }

        return range;
    }

    private static SideSummary Summary(List<RivalryCell> cells, RivalryRole role)
    {
        var own = cells.Where(c => c.Role == role).ToList();
        var events = own.Sum(c => c.Events);
        var deaths = own.Sum(c => c.DeathsBest);
        return new SideSummary(events, deaths, events == 0 ? double.NaN : (double)deaths / events, own.Sum(c => c.ClaimRecorded), own.Sum(c => c.Claimed),
            own.Sum(c => c.UnnamedElsewhere));
    }

    private static TerritoryResult TerritoryOf(List<RivalryCell> cells, List<DateOnly> periods)
    {
        // Districts where the sources name them; provinces where they do not, so that no event is left out.
        var useDistricts = cells.Any(c => c.District is not null);
        string? Unit(RivalryCell c) => useDistricts ? c.District ?? (c.Province is null ? null : "province:" + c.Province) : c.Province;
        var active = cells.Where(c => Unit(c) is not null)
            .GroupBy(c => (c.Period, Unit: Unit(c)!))
            .ToDictionary(g => g.Key, g => (A: g.Any(c => c.Role is RivalryRole.SideA or RivalryRole.Dyadic), B: g.Any(c => c.Role is RivalryRole.SideB or RivalryRole.Dyadic),
                Clashes: g.Where(c => c.Role == RivalryRole.Dyadic).Sum(c => c.Events)));
        var activeByPeriod = active.ToLookup(kv => kv.Key.Period, kv => kv.Value);
        var overlap = periods.Select(p =>
        {
            var here = activeByPeriod[p].ToList();
            return new OverlapRow(p, here.Count(v => v.A), here.Count(v => v.B), here.Count(v => v.A && v.B));
        }).ToList();
        var activeA = overlap.Sum(o => o.ActiveA);

        var units = active.Keys.Select(k => k.Unit).Distinct().ToList();
        var rows = new List<double[]>();
        var counts = new List<double>();
        for (var t = 1; t < periods.Count; t++)
        {
            foreach (var unit in units)
            {
                var before = active.TryGetValue((periods[t - 1], unit), out var b) && b.A && b.B;
                rows.Add([before ? 1 : 0]);
                counts.Add(active.TryGetValue((periods[t], unit), out var now) ? now.Clashes : 0);
            }
        }

        // A rate ratio needs clashes both after co-presence and without it; with none on one side it is 0 or infinite.
        var afterBoth = Enumerable.Range(0, rows.Count).Where(i => rows[i][0] > 0).Sum(i => counts[i]);
        var otherwise = Enumerable.Range(0, rows.Count).Where(i => rows[i][0] == 0).Sum(i => counts[i]);
        var note = rows.Count <= 2 ? "too few periods to compare"
            : counts.Sum() == 0 ? "no clash between the two was recorded"
            : afterBoth == 0 ? "no clash followed a period in which both were present in the same place, so the rate ratio cannot be estimated (it would be 0)"
            : otherwise == 0 ? "every clash followed a period in which both were present, so the rate ratio cannot be estimated (it would be infinite)"
            : null;
        var model = note is null ? PoissonRegression.Fit(rows, counts, ["both present the period before"]) : null;
        return new TerritoryResult(useDistricts ? "district" : "province", overlap, activeA == 0 ? double.NaN : (double)overlap.Sum(o => o.Both) / activeA, model, note);
    }

    /// <param name="datasets">What each dataset covers; null to count every source in both windows.</param>
    private static List<LeaderResult> Leaders(Side a, Side b, IReadOnlyList<RivalryCell> monthly, IReadOnlyList<LeadershipLoss> losses, IReadOnlyList<DatasetCoverage>? datasets)
    {
        var results = new List<LeaderResult>();
        foreach (var loss in losses)
        {
            var role = a.ActorIds.Contains(loss.Group) ? RivalryRole.SideA : b.ActorIds.Contains(loss.Group) ? RivalryRole.SideB : (RivalryRole?)null;
            if (role is null)
            {
                continue;
            }

            var month = Truncate(loss.Date, PeriodUnit.Month);
            var from = month.AddMonths(-LeaderWindowMonths);
            var to = month.AddMonths(LeaderWindowMonths);
            // Only the sources that cover both windows compare them: a source that begins after the loss would make any
            // group look busier after it.
            var covering = datasets is null
                ? monthly.SelectMany(c => c.Dataset.Split('+')).Distinct().ToList()
                : datasets.Where(d => d.Covers(from, month.AddDays(-1)) && d.Covers(month.AddMonths(1), to.AddMonths(1).AddDays(-1)))
                    .Select(d => d.Dataset).ToList();
            var own = monthly.Where(c => (c.Role == role || c.Role == RivalryRole.Dyadic) && c.Dataset.Split('+').Any(covering.Contains)).ToList();
            results.Add(new LeaderResult(loss, LeaderWindowMonths, RateRatio.Of(
                own.Where(c => c.Period >= from && c.Period < month).Sum(c => c.Events),
                own.Where(c => c.Period > month && c.Period <= to).Sum(c => c.Events)), [.. covering.Order(StringComparer.Ordinal)]));
        }

        return results;
    }

    /// <summary>
    /// An event study of each turning event that concerns either side (or the conflict as a whole) on three monthly
    /// series: clashes, A's incidents and B's (each side's own and the clashes). Placebo dates keep clear of every turning
    /// event studied.
    /// </summary>
    private static List<TurningStudy> AfterTurns(Side a, Side b, IReadOnlyList<RivalryCell> monthly, IReadOnlyList<TurningEvent> turns, IReadOnlyList<DateOnly> edges)
    {
        var months = Range(monthly.Select(c => c.Period), PeriodUnit.Month);
        var relevant = turns.Where(t => t.Groups.Count == 0 || t.Groups.Any(g => a.ActorIds.Contains(g) || b.ActorIds.Contains(g)))
            .Where(t => months.Count > 0 && Truncate(t.Date, PeriodUnit.Month) >= months[0] && Truncate(t.Date, PeriodUnit.Month) <= months[^1])
            .OrderBy(t => t.Date).ToList();
        if (relevant.Count == 0)
        {
            return [];
        }

        var byMonth = monthly.ToLookup(c => c.Period);
        double[] Series(params RivalryRole[] roles) => [.. months.Select(m => (double)byMonth[m].Where(c => roles.Contains(c.Role)).Sum(c => c.Events))];
        var clashes = Series(RivalryRole.Dyadic);
        var incidentsA = Series(RivalryRole.SideA, RivalryRole.Dyadic);
        var incidentsB = Series(RivalryRole.SideB, RivalryRole.Dyadic);
        var at = relevant.Select(t => MonthsBetween(Truncate(t.Date, PeriodUnit.Month), months[0])).ToList();
        return [.. relevant.Select((turn, i) =>
        {
            var month = Truncate(turn.Date, PeriodUnit.Month);
            return new TurningStudy(turn, EventStudy.Of(clashes, at[i], at), EventStudy.Of(incidentsA, at[i], at), EventStudy.Of(incidentsB, at[i], at),
                [.. edges.Where(e => e >= month.AddMonths(-EventStudy.PreMonths) && e <= month.AddMonths(EventStudy.PostMonths))]);
        })];
    }

    private static long Sum(IEnumerable<RivalryCell> cells, RivalryRole role, Func<RivalryCell, long> value) => cells.Where(c => c.Role == role).Sum(value);

    private static long? SumOrNull(IEnumerable<long?> values)
    {
        long? total = null;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                total = (total ?? 0) + v;
            }
        }

        return total;
    }
}
