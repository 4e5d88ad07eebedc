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
        // Year-only events belong in yearly series and in totals; a finer series says how many it could not place.
        var all = store.Incidents.Select(c => c with { Period = Truncate(c.Period, by) }).ToList();
        var monthly = store.Incidents.Where(c => !c.YearOnly).ToList();
        var cells = all.Where(c => by == PeriodUnit.Year || !c.YearOnly).ToList();
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

        var provinces = all.GroupBy(c => c.Province ?? "")
            .Select(g => new ProvinceRow(g.Key, g.Key.Length == 0 ? "(province not known)" : placeName(g.Key),
                Sum(g, RivalryRole.Dyadic, c => c.Events), Sum(g, RivalryRole.Dyadic, c => c.DeathsBest),
                Sum(g, RivalryRole.SideA, c => c.Events), Sum(g, RivalryRole.SideA, c => c.DeathsBest),
                Sum(g, RivalryRole.SideB, c => c.Events), Sum(g, RivalryRole.SideB, c => c.DeathsBest), Sum(g, RivalryRole.Either, c => c.Events)))
            .OrderByDescending(p => p.DyadicEvents).ThenByDescending(p => p.EventsA + p.EventsB).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

        // Only sources that record targets (GTD) tell whom a side attacked; events without a target type are left out.
        var targets = all.Where(c => c.Role is RivalryRole.SideA or RivalryRole.SideB && c.Activity == SideActivity.Did && c.TargetType is not null).GroupBy(c => c.TargetType!)
            .Select(g => new TargetRow(g.Key, Sum(g, RivalryRole.SideA, c => c.Events), Sum(g, RivalryRole.SideB, c => c.Events)))
            .OrderByDescending(t => t.EventsA + t.EventsB).ThenBy(t => t.TargetType, StringComparer.Ordinal)
            .ToList();

        var dyad = all.Where(c => c.Role == RivalryRole.Dyadic).ToList();
        var dyadSummary = new DyadSummary(dyad.Sum(c => c.Events), dyad.Sum(c => c.DeathsLow), dyad.Sum(c => c.DeathsBest), dyad.Sum(c => c.DeathsHigh),
            SumOrNull(dyad.Select(c => c.DeathsA)), SumOrNull(dyad.Select(c => c.DeathsB)),
            dyad.Count == 0 ? null : store.Incidents.Where(c => c.Role == RivalryRole.Dyadic).Min(c => c.Period),
            dyad.Count == 0 ? null : store.Incidents.Where(c => c.Role == RivalryRole.Dyadic).Max(c => c.Period));

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
                Sum(g, RivalryRole.SideA, c => c.Events), Sum(g, RivalryRole.SideB, c => c.Events), Sum(g, RivalryRole.Either, c => c.Events))
            {
                AttacksA = g.Where(c => c.Role == RivalryRole.SideA && c.Activity == SideActivity.Did).Sum(c => c.Events),
                AttacksB = g.Where(c => c.Role == RivalryRole.SideB && c.Activity == SideActivity.Did).Sum(c => c.Events),
                PossiblyA = Sum(g, RivalryRole.PossiblyA, c => c.Events),
                PossiblyB = Sum(g, RivalryRole.PossiblyB, c => c.Events),
            })
            .OrderBy(d => d.Dataset, StringComparer.Ordinal).ToList();
        var incidents = new IncidentCounts(all.Sum(c => c.Events), all.Where(c => c.Dataset.Contains('+', StringComparison.Ordinal)).Sum(c => c.Events),
            store.Events.Sum(c => c.Events));

        return new RivalryResult(a, b, by, [.. perDataset.Select(d => d.Dataset)], timeline, provinces, targets,
            Summary(all, RivalryRole.SideA, SideActivity.Did), Summary(all, RivalryRole.SideB, SideActivity.Did), Summary(all, RivalryRole.Either), dyadSummary, TerritoryOf(cells, periods),
            Leaders(a, b, monthly, losses, coverage is null ? null : datasets), turningPoints, perDataset, incidents, files, [.. changes.Except(turningPoints)],
            cells.Where(c => c.Role == RivalryRole.Dyadic && c.District is not null).GroupBy(c => c.District!).ToDictionary(g => g.Key, g => g.Sum(c => c.Events), StringComparer.Ordinal),
            AfterTurns(a, b, monthly, [.. losses.Select(TurningEvent.Of), .. turns ?? []], edges, coverage is null ? null : datasets),
            [.. (turns ?? []).Where(t => t.Kind == TurningEvent.Defection && t.Groups.Any(g => a.ActorIds.Contains(g) || b.ActorIds.Contains(g))).OrderBy(t => t.Date)])
        {
            RolesA = RolesOf(all, RivalryRole.SideA),
            RolesB = RolesOf(all, RivalryRole.SideB),
            PossiblyA = Summary(all, RivalryRole.PossiblyA),
            PossiblyB = Summary(all, RivalryRole.PossiblyB),
            YearOnly = by == PeriodUnit.Year ? 0 : all.Where(c => c.YearOnly).Sum(c => c.Events),
            Ucdp = UcdpBeside(store),
        };
    }

    /// <summary>
    /// Each of UCDP's yearly totals for the sides beside the deaths UCDP's events in the store give for the same part
    /// and year: what an extract or a sample holds of what UCDP counted.
    /// </summary>
    private static List<UcdpYear> UcdpBeside(RivalryCells store) =>
        [.. store.YearlyTables.GroupBy(t => (t.Role, t.Activity, t.Year)).OrderBy(g => g.Key.Role).ThenBy(g => g.Key.Activity).ThenBy(g => g.Key.Year)
            .Select(g => new UcdpYear(g.Key.Role, g.Key.Activity, g.Key.Year, string.Join("+", g.Select(t => t.Dataset).Distinct().Order(StringComparer.Ordinal)),
                // Several dyads of one part in a year add up; two tables that count the same part are not added.
                g.GroupBy(t => t.Dataset).Max(d => d.Sum(t => t.Deaths)),
                store.Events.Where(c => c.Dataset == Dyad.Events.Datasets.UcdpGed && c.Role == g.Key.Role && c.Activity == g.Key.Activity && c.Period.Year == g.Key.Year).Sum(c => c.DeathsBest)))];

    private static SideRoles RolesOf(List<RivalryCell> cells, RivalryRole role)
    {
        RoleCount Count(SideActivity activity)
        {
            var these = cells.Where(c => c.Role == role && c.Activity == activity).ToList();
            return new RoleCount(these.Sum(c => c.Events), these.Sum(c => c.DeathsBest));
        }

        return new SideRoles(Count(SideActivity.Did), Count(SideActivity.FoughtState), Count(SideActivity.FoughtOther), Count(SideActivity.DoneTo), Count(SideActivity.Other));
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

    /// <param name="activity">Only the side's incidents of this part (its attacks, for its lethality); null: all of them.</param>
    private static SideSummary Summary(List<RivalryCell> cells, RivalryRole role, SideActivity? activity = null)
    {
        var own = cells.Where(c => c.Role == role && (activity is null || c.Activity == activity)).ToList();
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
        if (model is { Usable: false })
        {
            // A fit that did not converge (clashes all in a handful of cells) has no estimate to give: never NaN to a reader.
            (model, note) = (null, "the count model did not converge on these data (the clashes are too few or too concentrated to estimate a rate ratio)");
        }

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
    /// event studied. With the sources' coverage known, each study counts only the sources that cover its whole window,
    /// over the months they cover; where none does, it says it cannot tell.
    /// </summary>
    private static List<TurningStudy> AfterTurns(Side a, Side b, IReadOnlyList<RivalryCell> monthly, IReadOnlyList<TurningEvent> turns, IReadOnlyList<DateOnly> edges,
        IReadOnlyList<DatasetCoverage>? datasets)
    {
        var months = Range(monthly.Select(c => c.Period), PeriodUnit.Month);
        var relevant = turns.Where(t => t.Groups.Count == 0 || t.Groups.Any(g => a.ActorIds.Contains(g) || b.ActorIds.Contains(g)))
            .Where(t => months.Count > 0 && Truncate(t.Date, PeriodUnit.Month) >= months[0] && Truncate(t.Date, PeriodUnit.Month) <= months[^1])
            .OrderBy(t => t.Date).ToList();
        return [.. relevant.Select(turn =>
        {
            var month = Truncate(turn.Date, PeriodUnit.Month);
            var window = EventStudy.Window(month);
            var studied = months;
            var cells = monthly;
            if (datasets is not null)
            {
                var covering = datasets.Select(d => (d.Dataset, Span: d.SpanCovering(window.From, window.To))).Where(d => d.Span is not null).ToList();
                if (covering.Count == 0)
                {
                    var refusal = EventStudyResult.NotEstimable(EventStudy.NotCovered(month, datasets));
                    return new TurningStudy(turn, refusal, refusal, refusal, []);
                }

                // The months every covering source covers (a month without an event in them is a zero), and only their events.
                var (from, to) = (covering.Max(d => d.Span!.Value.From), covering.Min(d => d.Span!.Value.To));
                studied = Range([Truncate(from, PeriodUnit.Month), Truncate(to, PeriodUnit.Month)], PeriodUnit.Month);
                cells = [.. monthly.Where(c => c.Dataset.Split('+').Any(ds => covering.Any(d => d.Dataset == ds)))];
            }

            var byMonth = cells.ToLookup(c => c.Period);
            double[] Series(params RivalryRole[] roles) => [.. studied.Select(m => (double)byMonth[m].Where(c => roles.Contains(c.Role)).Sum(c => c.Events))];
            var at = relevant.Select(t => MonthsBetween(Truncate(t.Date, PeriodUnit.Month), studied[0])).ToList();
            var here = MonthsBetween(month, studied[0]);
            return new TurningStudy(turn, EventStudy.Of(Series(RivalryRole.Dyadic), here, at), EventStudy.Of(Series(RivalryRole.SideA, RivalryRole.Dyadic), here, at),
                EventStudy.Of(Series(RivalryRole.SideB, RivalryRole.Dyadic), here, at),
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
