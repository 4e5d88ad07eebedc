using System.Globalization;
using System.Text;
using Dyad.Analysis.Leaders;
using Dyad.Analysis.Rivalry;
using Dyad.Analysis.Statistics;
using Dyad.Analysis.Turns;
using Dyad.Events;
using Dyad.Sources;
using Dyad.Store;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dyad.Analysis.Briefs;

/// <summary>
/// A brief in the manner of an analyst's article: findings written as sentences from the rivalry's numbers, the charts and
/// map, the tables behind them, and a footnote for every dataset file used and every leader's source. Markdown, or
/// HTML with the charts inside it (one file to send); PDF by printing the HTML with headless Chromium.
/// </summary>
public static class RivalryBrief
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The brief as Markdown; charts are linked by the file names given (relative to the brief).</summary>
    /// <param name="sources">The sources the analyst's own event records cite; protected ones are cited by code only.</param>
    /// <param name="watch">The forecast of clashes between the two sides for the coming months, or why there is none.</param>
    public static string Markdown(RivalryResult r, IReadOnlyList<ImportReport> imports, IReadOnlyDictionary<string, string> charts, DateTimeOffset now,
        BriefScope? scope = null, IReadOnlyList<Source>? sources = null, ClashWatch? watch = null)
    {
        scope ??= new BriefScope($"dyad report {Quote(r.A.Id)} {Quote(r.B.Id)}", null, null, null);
        var dataNotes = DataNotes(r, imports);
        var cited = SourceNotes(r, sources ?? []);
        const string data = "[^data]";
        var md = new StringBuilder();
        Line(md, $"# {Title(r)}");
        Line(md, $"*A Dyad brief, {now:d MMMM yyyy}. It covers {scope.Period(r)}, {scope.CountriesText}, in {DatasetNames(r)}. " +
            $"Every figure is a count over the events imported from the sources in the footnotes; `{scope.Command}` reproduces it.*");
        Line(md);
        Line(md, "## Findings");
        Line(md);
        var findings = new List<string>();
        var d = r.Dyad;
        if (d.Events == 0)
        {
            findings.Add($"The sources record **no incident** in which {r.A.Name} and {r.B.Name} fought each other{data}.");
        }
        else
        {
            var range = d.DeathsLow != d.DeathsHigh ? $"; {d.DeathsLow:N0} to {d.DeathsHigh:N0}" : "";
            var perSide = d.DeathsA is { } da && d.DeathsB is { } db
                ? $" Where the sources split the dead by side, {r.A.Name} lost {da:N0} and {r.B.Name} {db:N0}."
                : "";
            findings.Add($"Between {d.First:MMMM yyyy} and {d.Last:MMMM yyyy} the sources record **{d.Events:N0} incidents** in which " +
                $"{r.A.Name} and {r.B.Name} fought each other{data}, with **{d.Deaths:N0} deaths** (best estimate{range}).{perSide}");
            var top = r.Provinces.Where(p => p.DyadicEvents > 0).Take(3).ToList();
            var share = top.Sum(p => p.DyadicEvents) * 100.0 / d.Events;
            findings.Add($"The fighting is concentrated: {string.Join(", ", top.Select(p => $"{MarkdownText.Escape(p.Name)} ({p.DyadicEvents:N0})"))} " +
                $"account for {share:0}% of these incidents{data}.");
        }

        findings.Add($"What each side did, without the other (its attacks): {RoleSentences.Attacks(r.A.Name, r.SummaryA)}; {RoleSentences.Attacks(r.B.Name, r.SummaryB)}{data}.");
        var fighting = new[] { RoleSentences.Fighting(r.A.Name, r.RolesA), RoleSentences.Fighting(r.B.Name, r.RolesB) }.OfType<string>().ToList();
        if (fighting.Count > 0)
        {
            findings.Add($"Besides its attacks: {string.Join("; ", fighting)}{data}. These are not its violence and are not in its deaths per attack.");
        }

        var unnamed = new[] { (r.A, r.SummaryA), (r.B, r.SummaryB) }.Where(s => s.Item2.UnnamedElsewhere > 0).ToList();
        if (unnamed.Count > 0)
        {
            findings.Add($"Unclaimed attacks another source names: {string.Join("; ", unnamed.Select(s => $"{s.Item2.UnnamedElsewhere:N0} of {s.Item1.Name}'s incidents"))} " +
                $"are ones a report in another dataset gives no perpetrator for (GTD's \"Unknown\", say); `dyad incidents` shows each with the reports that name the group{data}.");
        }
        if (r.Either.Events > 0)
        {
            findings.Add($"A further **{r.Either.Events:N0} incidents** ({r.Either.Deaths:N0} deaths) could be either side's: " +
                $"the sources leave them open between {r.A.Name} and {r.B.Name}, or name both. They are counted apart, as neither's{data}.");
        }

        var possibly = new[] { RoleSentences.Possibly(r.A.Name, r.PossiblyA), RoleSentences.Possibly(r.B.Name, r.PossiblyB) }.OfType<string>().ToList();
        if (possibly.Count > 0)
        {
            findings.Add($"Counted apart, as no one's: {string.Join("; ", possibly)}{data}.");
        }

        if (RoleSentences.YearOnly(r) is { } yearOnly)
        {
            findings.Add($"Dates: {yearOnly}{data}.");
        }

        findings.AddRange(RoleSentences.UcdpBeside(r).Select(beside => $"**What the event files hold:** {beside}{data}."));

        var targetA = r.Targets.OrderByDescending(t => t.EventsA).FirstOrDefault(t => t.EventsA > 0);
        var targetB = r.Targets.OrderByDescending(t => t.EventsB).FirstOrDefault(t => t.EventsB > 0);
        if (targetA is not null && targetB is not null)
        {
            findings.Add($"Whom they attack, where the sources record it: {r.A.Name}'s most frequent target is *{MarkdownText.Escape(targetA.TargetType)}* " +
                $"({Percent(targetA.EventsA, r.Targets.Sum(t => t.EventsA))} of its attacks with a target recorded), " +
                $"{r.B.Name}'s *{MarkdownText.Escape(targetB.TargetType)}* ({Percent(targetB.EventsB, r.Targets.Sum(t => t.EventsB))}){data}.");
        }

        var t = r.Territory;
        if (!double.IsNaN(t.OverallOverlap))
        {
            findings.Add($"Territory: over all {Unit(r)}s, {r.B.Name} was active in **{t.OverallOverlap * 100:0}%** of the {t.Unit}s " +
                $"where {r.A.Name} was active in the same {Unit(r)} (the overlap index){data}.");
        }

        const string hypothesis = "The hypothesis that the two clash where they compete for the same ground";
        if (t.ClashModel is { Usable: true } model && model.Coefficients.Count > 1)
        {
            var c = model.Coefficients[1];
            var dispersion = model.Dispersion > 1 ? $", standard errors widened for overdispersion {model.Dispersion:0.0}" : "";
            findings.Add($"{hypothesis}, as a count model: a {t.Unit} where both were present in the previous {Unit(r)} had " +
                $"**{c.RateRatio:0.0} times** the clashes of one where they were not (95% interval {Math.Exp(c.Low):0.0} to {Math.Exp(c.High):0.0}, {c.PText}; " +
                $"Poisson regression{dispersion}; {model.Observations:N0} {t.Unit}-{Unit(r)}s). This is an association in the sources' coverage, " +
                $"not a cause: presence is only what was reported, and both groups' activity follows the war's other sides{data}.");
        }
        else if (t.ModelNote is { } note)
        {
            findings.Add($"{hypothesis} cannot be tested as a count model on these data: {note}{data}.");
        }

        foreach (var (leader, i) in r.Leaders.Select((l, i) => (l, i)))
        {
            var e = leader.Events;
            var study = StudyOf(r, leader.Loss);
            var comparison = study is { Estimable: true } st
                ? $"; against the group's own past (the level and trend of the {EventStudy.PreMonths} months before, carried on) {st.Expected:0.0} were expected in the {st.PostMonths} months after and {st.Observed:N0} came: {Effect(st)}"
                : e.Estimable ? $": a rate ratio of {e.Ratio:0.00} (95% interval {e.Low:0.00} to {e.High:0.00}){(study is { Problem: { } why } ? $"; no study against its own past ({why})" : "")}"
                : ", so there is nothing to compare";
            var countedIn = leader.Datasets.Count == 0
                ? " No source covers both windows, so none is compared"
                : $" (counted in {string.Join(" and ", leader.Datasets.Select(DatasetCitation.ShortName))}, which {(leader.Datasets.Count == 1 ? "covers" : "cover")} both windows)";
            findings.Add($"After **{leader.Loss.Person}** ({leader.Loss.Role}) was {leader.Loss.How} on {leader.Loss.Date:d MMMM yyyy}[^l{i + 1}], " +
                $"the group's incidents went from {e.Before:N0} in the {leader.WindowMonths} months before to {e.After:N0} in the " +
                $"{leader.WindowMonths} after{comparison}{countedIn}{data}.");
        }

        if (r.TurningPoints.Count > 0)
        {
            findings.Add($"The monthly series of clashes changes level in {string.Join(", ", r.TurningPoints.Select(p => p.ToString("MMMM yyyy", Invariant)))} " +
                $"(binary segmentation, Poisson likelihood, BIC penalty){data}.");
        }

        if (r.CoverageEdgeChanges.Count > 0)
        {
            findings.Add($"The series also changes level in {string.Join(", ", r.CoverageEdgeChanges.Select(p => p.ToString("MMMM yyyy", Invariant)))}, " +
                $"where a source begins or ends: that is a change in coverage, not in the fighting, and is not reported as a turning point{data}.");
        }

        foreach (var (finding, i) in findings.Select((f, i) => (f, i)))
        {
            Line(md, $"{i + 1}. {finding}");
        }

        Line(md);
        Line(md, "## Charts");
        Line(md);
        foreach (var (name, caption) in new[] { ("timeline", "Incidents per period, with turning points (dashed) and leadership losses"), ("map", "Clashes per province"), ("targets", "Whom each side attacks") })
        {
            if (charts.TryGetValue(name, out var file))
            {
                Line(md, $"![{caption}]({file})");
                Line(md);
            }
        }

        Line(md, "## Where they clash");
        Line(md);
        Line(md, $"| Province | {r.A.Name} vs {r.B.Name} | deaths | {r.A.Name} alone, any part | {r.B.Name} alone, any part | either side |");
        Line(md, "|---|---:|---:|---:|---:|---:|");
        foreach (var p in r.Provinces.Take(12))
        {
            Line(md, $"| {MarkdownText.Escape(p.Name)} | {p.DyadicEvents:N0} | {p.DyadicDeaths:N0} | {p.EventsA:N0} | {p.EventsB:N0} | {p.EventsEither:N0} |");
        }

        Line(md);
        WhatChangedAfter(md, r, charts);
        if (watch is not null)
        {
            WhatToWatch(md, r, watch, charts);
        }

        Line(md, "## Each dataset's own events");
        Line(md);
        Line(md, $"| Dataset | {r.A.Name} vs {r.B.Name} | deaths | {r.A.Name} alone, any part | {r.B.Name} alone, any part | either side |");
        Line(md, "|---|---:|---:|---:|---:|---:|");
        foreach (var row in r.PerDataset)
        {
            Line(md, $"| {DatasetCitation.ShortName(row.Dataset)} | {row.DyadicEvents:N0} | {row.DyadicDeaths:N0} | {row.EventsA:N0} | {row.EventsB:N0} | {row.EventsEither:N0} |");
        }

        Line(md);
        Line(md, "## Method and limits");
        Line(md);
        var counted = r.Incidents;
        Line(md, $"Figures count incidents, not rows: the {counted.Events:N0} events the datasets hold make {counted.Incidents:N0} incidents, " +
            $"{counted.MultiDataset:N0} of them reported by more than one dataset. Dyad links the events that report one incident by date, " +
            "distance, manner of attack, deaths and the groups named (`dyad incidents` lists every link and why it was made); an event " +
            "linked to no other is an incident of its own. An incident's deaths are UCDP's best estimate where UCDP reports it, else the " +
            "median of its reports'; its place is its most precise report's. The table above gives each dataset's own events, " +
            "which must not be added across datasets.");
        Line(md);
        if (cited.Count > 0)
        {
            Line(md, "The analyst's own event records, read in articles, reports and interviews, are counted like a dataset's events[^sources].");
            Line(md);
        }

        if (r.Coverage.Count > 0)
        {
            Line(md, "Coverage: outside a source's dates no event is not zero events. " + string.Join(" ", r.Coverage.Select(f =>
                $"{DatasetCitation.ShortName(f.Dataset)} (`{MarkdownText.Code(f.File)}`) covers {f.From:d MMMM yyyy} to {f.To:d MMMM yyyy}{Countries(f)}{(f.Extract is { } x ? $", an extract: {MarkdownText.Escape(x)}" : "")}.")) +
                (Thin(r) is { } thin ? $" {thin}" : ""));
            Line(md);
        }

        Line(md, $"{r.A.Name} counts {string.Join(", ", r.A.ActorIds)}; {r.B.Name} counts {string.Join(", ", r.B.ActorIds)} " +
            "(the actor registry's members included). " + RoleSentences.Rule + " Provinces and districts are assigned by " +
            "point-in-polygon from the events' coordinates, else by their names. Deaths are the sources' own estimates. " +
            "UCDP's yearly tables are not counted again (their deaths are its events'); where the store has them, each year's total is set beside what its events here hold.");
        Line(md);
        Line(md, $"[^data]: Counted from: {string.Join(" ", dataNotes)}");
        if (cited.Count > 0)
        {
            Line(md, $"[^sources]: The analyst's own records cite: {string.Join(" ", cited)}");
        }

        foreach (var (leader, i) in r.Leaders.Select((l, i) => (l, i)))
        {
            Line(md, $"[^l{i + 1}]: {leader.Loss.Source}");
        }

        foreach (var (turn, i) in Others(r).Select((t, i) => (t, i)))
        {
            Line(md, $"[^t{i + 1}]: {turn.Source}");
        }

        return md.ToString();
    }

    /// <summary>A sentence naming the sources that cover less than a year, or extracts: figures lean on them there only.</summary>
    /// <summary>The study of a leader's loss on the series of the side it struck.</summary>
    private static EventStudyResult? StudyOf(RivalryResult r, LeadershipLoss loss) =>
        r.AfterTurns.FirstOrDefault(t => t.Turn.Kind == TurningEvent.LeaderKilled && t.Turn.Date == loss.Date && t.Turn.Groups.Contains(loss.Group)) is { } study
            ? r.A.ActorIds.Contains(loss.Group) ? study.IncidentsA : study.IncidentsB
            : null;

    /// <summary>The turning events studied that are not leadership losses (those are footnoted with the leaders).</summary>
    private static IEnumerable<TurningEvent> Others(RivalryResult r) => r.AfterTurns.Select(t => t.Turn).Where(t => t.Kind != TurningEvent.LeaderKilled);

    private static string Effect(EventStudyResult s) =>
        string.Create(Invariant, $"a ratio of {s.Ratio:0.00} (95% interval {s.Low:0.00} to {s.High:0.00})") +
        (s.PlaceboShare is { } share ? string.Create(Invariant, $"; a change this large came at {share:P0} of {s.PlaceboDates:N0} dates when nothing on record happened") : "; no placebo dates to compare with");

    /// <summary>
    /// Each turning event's event study: clashes and each side's incidents after it, against their own past, with the
    /// placebo check; the accords' and takeovers' sources footnoted.
    /// </summary>
    private static void WhatChangedAfter(StringBuilder md, RivalryResult r, IReadOnlyDictionary<string, string> charts)
    {
        if (r.AfterTurns.Count == 0)
        {
            return;
        }

        Line(md, "## What changed after");
        Line(md);
        Line(md, $"For each turning event on record, the incidents in the {EventStudy.PostMonths} months after its month against what the {EventStudy.PreMonths} months before " +
            "(their level and trend, in a Poisson model widened for overdispersion) lead one to expect, with a 95% interval; then the same comparison at every other month " +
            "whose windows keep clear of the events on record (placebo dates): the share of them with a change at least as large says how easily this one could be chance. " +
            "A ratio near 1 means no change beyond the trend; the event's own month is left out.");
        Line(md);
        if (charts.TryGetValue("after", out var chart))
        {
            Line(md, $"![Each side's incidents per month and, after each turning event, those its past led one to expect]({chart})");
            Line(md);
        }

        Line(md, "| Turning event | series | after | expected | ratio (95% interval) | placebo dates this large |");
        Line(md, "|---|---|---:|---:|---|---:|");
        var others = Others(r).ToList();
        foreach (var study in r.AfterTurns)
        {
            var turn = study.Turn;
            var note = turn.Kind == TurningEvent.LeaderKilled
                ? $"[^l{r.Leaders.Select((l, i) => (l, i)).First(x => x.l.Loss.Date == turn.Date && turn.Groups.Contains(x.l.Loss.Group)).i + 1}]"
                : $"[^t{others.IndexOf(turn) + 1}]";
            var name = string.Create(Invariant, $"{turn.Name}, {turn.Date:d MMM yyyy}{note}{(study.CoverageEdges.Count > 0 ? " (a source begins or ends within the windows)" : "")}");
            foreach (var (series, s) in new[] { ($"{r.A.Name} vs {r.B.Name}", study.Clashes), ($"{r.A.Name}'s incidents", study.IncidentsA), ($"{r.B.Name}'s incidents", study.IncidentsB) })
            {
                Line(md, s.Estimable
                    ? $"| {name} | {series} | {s.Observed:N0} | {s.Expected:0.0} | {s.Ratio:0.00} ({s.Low:0.00}–{s.High:0.00}) | {(s.PlaceboShare is { } p ? $"{p:P0} of {s.PlaceboDates:N0}" : "–")} |"
                    : $"| {name} | {series} | | | not estimable: {s.Problem} | |");
                name = "";
            }
        }

        Line(md);
        AccordsAndDefections(md, r);
        var losses = r.Leaders.Select(l => StudyOf(r, l.Loss)).OfType<EventStudyResult>().ToList();
        if (EventStudy.Pool(losses) is { Events: > 1 } pooled)
        {
            Line(md, $"Pooled over the {pooled.Events} leadership losses that can be studied, the struck group's incidents after a loss were {pooled.Ratio:0.00} times " +
                $"what its own past led one to expect (95% interval {pooled.Low:0.00} to {pooled.High:0.00}; inverse-variance weights). Few events, one conflict and no " +
                "comparison group: an association in these data, not a cause.");
            Line(md);
        }
    }

    /// <summary>
    /// Whether an accord or ceasefire was followed by defections to either side: the defections on record in the six
    /// months before and after each, and what such a count can and cannot say.
    /// </summary>
    private static void AccordsAndDefections(StringBuilder md, RivalryResult r)
    {
        var accords = r.AfterTurns.Select(t => t.Turn).Where(t => t.Kind is "accord" or "ceasefire").ToList();
        if (accords.Count == 0)
        {
            return;
        }

        if (r.Defections.Count == 0)
        {
            Line(md, $"Did an accord bring defections to {r.A.Name} or {r.B.Name}? No defection to or from either is on record, so these data cannot say; " +
                "'dyad turns candidates' lists the reports that may describe one, and 'dyad turns add --kind defection' records those an analyst confirms.");
            Line(md);
            return;
        }

        foreach (var accord in accords)
        {
            foreach (var side in new[] { r.A, r.B })
            {
                var to = r.Defections.Where(d => d.To is { } id && side.ActorIds.Contains(id)).ToList();
                var before = to.Where(d => d.Date >= accord.Date.AddMonths(-EventStudy.PostMonths) && d.Date < accord.Date).ToList();
                var after = to.Where(d => d.Date > accord.Date && d.Date <= accord.Date.AddMonths(EventStudy.PostMonths)).ToList();
                Line(md, $"Defections to {side.Name} in the {EventStudy.PostMonths} months before the {accord.Name} and after it: {before.Count:N0} and {after.Count:N0} on record " +
                    $"({People(before)} and {People(after)}). Counts of recorded defections follow what was reported and recorded, and {r.Defections.Count:N0} on record in all are too few for an interval: a description, not a test.");
            }
        }

        Line(md);
    }

    private static string People(IReadOnlyList<TurningEvent> defections) =>
        defections.Count == 0 ? "no people" : defections.All(d => d.People is not null) ? $"{defections.Sum(d => d.People):N0} people"
        : $"at least {defections.Sum(d => d.People ?? 0):N0} people; not every report gives a number";

    private static void WhatToWatch(StringBuilder md, RivalryResult r, ClashWatch watch, IReadOnlyDictionary<string, string> charts)
    {
        Line(md, "## What to watch next");
        Line(md);
        if (watch.Forecast is not { } f)
        {
            Line(md, $"No forecast of clashes: {watch.Reason}");
            Line(md);
            return;
        }

        Line(md, $"The chance of at least one clash between {r.A.Name} and {r.B.Name} in each district (the province where the sources know no district) " +
            $"in the months after the data end ({f.DataTo:MMMM yyyy}), from a model of each district's history, its province's and the country's since {f.DataFrom:MMMM yyyy}. " +
            $"The sum of the chances is the number of districts expected to see a clash: {string.Join(", ", f.Expected.Select(m => string.Create(Invariant, $"{m.Probability:0.0} in {m.Month:MMMM yyyy}")))}. " +
            $"How good such chances have been is measured month by month by `{watch.Backtest}`." +
            string.Concat(f.Stale.Select(stale => " " + stale)));
        Line(md);
        if (!watch.Worth)
        {
            Line(md, $"No district's chance reaches 1%: {(f.LastEventMonth is { } last ? $"the last clash on record was in {last.ToString("MMMM yyyy", Invariant)}" : "no clash on record has a known place")}.");
            Line(md);
            return;
        }

        if (charts.TryGetValue("watch", out var map))
        {
            Line(md, $"![The chance of a clash per district, {f.Expected[0].Month.ToString("MMMM yyyy", Invariant)}]({map})");
            Line(md);
        }

        Line(md, $"| District | Province | {string.Join(" | ", f.Expected.Select(m => m.Month.ToString("MMM yyyy", Invariant)))} | clashes, last 12 months |");
        Line(md, $"|---|---|{string.Concat(f.Expected.Select(_ => "---:|"))}---:|");
        foreach (var unit in f.Units.Take(10))
        {
            Line(md, $"| {MarkdownText.Escape(unit.Unit.Name)} | {MarkdownText.Escape(unit.Unit.ProvinceName)} | {string.Join(" | ", unit.Months.Select(m => m.Probability < 0.005 ? "<1%" : Percent(m.Probability)))} | {unit.EventsLast12Months:N0} |");
        }

        Line(md);
    }

    private static string Percent(double chance) => (100 * chance).ToString("0", Invariant) + "%";

    private static string? Thin(RivalryResult r)
    {
        // A file is thin coverage when it is an extract, or when its dataset covers less than a year in all.
        var shortDatasets = DatasetCoverage.Of(r.Coverage).Where(d => d.Spans.Sum(s => s.To.DayNumber - s.From.DayNumber) < 365).Select(d => d.Dataset).ToHashSet();
        var thin = r.Coverage.Where(f => shortDatasets.Contains(f.Dataset) || f.Extract is not null).ToList();
        return thin.Count == 0 ? null
            : $"Coverage is thin where it rests on {string.Join(", ", thin.Select(f => $"`{MarkdownText.Code(f.File)}` ({DatasetCitation.ShortName(f.Dataset)}, {f.From:MMMM yyyy}–{f.To:MMMM yyyy}{(f.Extract is null ? "" : ", an extract")})"))}: " +
              "there, more events may mean only that one more source is counting.";
    }

    private static string Countries(FileCoverage f) =>
        f.Countries is not { Count: > 0 } countries ? "" : countries.Count <= 4 ? $" in {MarkdownText.Escape(string.Join(", ", countries))}" : $" in {countries.Count} countries";

    private static string DatasetNames(RivalryResult r) =>
        r.Datasets.Count == 0 ? "no dataset" : string.Join(", ", r.Datasets.Select(DatasetCitation.ShortName));

    /// <summary>The brief as data: the rivalry's figures, the brief's scope, citations and watch, and its text without charts.</summary>
    public static BriefDocument Document(RivalryResult r, IReadOnlyList<ImportReport> imports, DateTimeOffset now, BriefScope scope,
        IReadOnlyList<Source> sources, ClashWatch watch)
    {
        return new BriefDocument(Title(r), now, scope.Command, scope.Period(r), scope.Countries, r, DataNotes(r, imports), SourceNotes(r, sources),
            new BriefWatch(watch.Backtest, watch.Reason, watch.Worth, watch.Forecast),
            Markdown(r, imports, new Dictionary<string, string>(), now, scope, sources, watch));
    }

    /// <summary>The footnote of each imported file the figures count.</summary>
    private static List<string> DataNotes(RivalryResult r, IReadOnlyList<ImportReport> imports) =>
        [.. imports.Where(i => r.Datasets.Contains(i.Dataset)).Select(DatasetCitation.For)];

    /// <summary>The note of each source the analyst's counted records cite (none when no analyst's record is counted).</summary>
    private static List<string> SourceNotes(RivalryResult r, IReadOnlyList<Source> sources) =>
        r.Datasets.Contains(Datasets.Analyst) ? [.. sources.Select(s => ChicagoNote.For(s))] : [];

    private static string Title(RivalryResult r) => $"{r.A.Name} and {r.B.Name}: what the data say";

    /// <summary>The brief as one HTML page, its charts embedded as data: URIs.</summary>
    /// <param name="paper">The page size it prints on: "A4" (the default) or "letter".</param>
    public static string Html(string markdown, IReadOnlyDictionary<string, string> chartFiles, string title, string paper = "A4")
    {
        // Raw HTML is written as text, and a link may go only to the web or within the brief, an image only to one of its
        // own charts: whatever a dataset string holds, the brief runs no script and loads nothing from elsewhere.
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        var charts = chartFiles.Values.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !(l.IsImage ? charts.Contains(l.Url) : IsWebOrAnchor(l.Url))))
        {
            link.Url = "#";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsWebOrAnchor(l.Url)))
        {
            link.Url = "#";
        }

        var body = document.ToHtml(pipeline);
        foreach (var (_, path) in chartFiles)
        {
            var name = Path.GetFileName(path);
            body = body.Replace($"src=\"{name}\"", $"src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(path))}\"", StringComparison.Ordinal);
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{System.Net.WebUtility.HtmlEncode(title)}}</title>
            <style>
            body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }
            h1 { font-size: 1.8rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; }
            img { max-width: 100%; } table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border-bottom: 1px solid #ddd; }
            .footnotes { font-size: .9rem; color: #444; }
            @page { size: {{paper}}; margin: 18mm 16mm; }
            @media print { body { margin: 0; max-width: none; } img { page-break-inside: avoid; } }
            </style></head><body>
            {{body}}
            </body></html>
            """;
    }

    private static string Percent(long part, long whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0", Invariant) + "%";

    private static string Unit(RivalryResult r) => r.By.ToString().ToLowerInvariant();

    private static bool IsWebOrAnchor(string? url) =>
        url is not null && (url.StartsWith('#') || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(text.ToString(Invariant));

    private static void Line(StringBuilder md, string text = "") => md.AppendLine(text);
}
