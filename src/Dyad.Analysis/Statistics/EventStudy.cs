using MathNet.Numerics.Distributions;

namespace Dyad.Analysis.Statistics;

/// <summary>
/// What a monthly count did after an event, against what its own past said it would do: an interrupted time series.
/// A Poisson regression with a level and a trend (quasi-Poisson when the months are more spread out than Poisson) is
/// fitted on the <see cref="PreMonths"/> months before the event's month and carried over the <see cref="PostMonths"/>
/// after it; the event's own month, half before and half after, is left out. The effect is the ratio of the events
/// observed after to those expected, with a 95% interval from both the observed count's noise and the fit's
/// uncertainty. The same study at every other month of the series that has its windows (placebo dates, away from the
/// events studied) says how often a date when nothing happened shows an effect as large.
/// </summary>
public static class EventStudy
{
    public const int PreMonths = 24;
    public const int PostMonths = 6;

    /// <summary>Fewer events than this in the months before, and a level and trend are not worth carrying over.</summary>
    public const int MinimumEventsBefore = 10;

    /// <summary>
    /// A counterfactual month may be at most this many times the busiest month before (plus <see cref="MinimumEventsBefore"/>):
    /// a trend carried beyond what the series ever held is the model's invention, not the data's expectation (a series
    /// that rose from nothing as a new source began expected 8,254 events in six months).
    /// </summary>
    public const double MaximumExtrapolation = 2;

    /// <summary>
    /// The months an event study at <paramref name="month"/> reads: the <see cref="PreMonths"/> before it to the last
    /// of the <see cref="PostMonths"/> after (its first day: a file that ends within that month covers it).
    /// </summary>
    public static (DateOnly From, DateOnly To) Window(DateOnly month) => (month.AddMonths(-PreMonths), month.AddMonths(PostMonths));

    /// <summary>Why a study at <paramref name="month"/> cannot be made on sources that cover only <paramref name="coverage"/>.</summary>
    public static string NotCovered(DateOnly month, IEnumerable<Dyad.Store.DatasetCoverage> coverage) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"cannot tell: no source counted covers both the {PreMonths} months before {month:yyyy-MM} and the {PostMonths} after ({string.Join("; ", coverage)}), and outside a source's dates no event is not zero events");

    /// <param name="counts">The series, month by month.</param>
    /// <param name="eventMonth">The index of the event's month in <paramref name="counts"/>.</param>
    /// <param name="events">Every event month studied on this series: placebo dates keep their windows clear of them.</param>
    /// <param name="comparison">A series of the same months the event did not touch (other groups' events in the same
    /// country): its own change after the month, studied alike, is divided out, so that a season or an escalation that
    /// moved everything is not read as the event's effect.</param>
    public static EventStudyResult Of(IReadOnlyList<double> counts, int eventMonth, IReadOnlyCollection<int> events, IReadOnlyList<double>? comparison = null)
    {
        var effect = Estimate(counts, eventMonth);
        if (effect is not { } e)
        {
            return EventStudyResult.NotEstimable(Reason(counts, eventMonth));
        }

        if (e.ExpectedEach.Max() > (MaximumExtrapolation * Enumerable.Range(eventMonth - PreMonths, PreMonths).Max(t => counts[t])) + MinimumEventsBefore)
        {
            return EventStudyResult.NotEstimable(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"cannot tell: the trend of the {PreMonths} months before, carried on, expects up to {e.ExpectedEach.Max():N0} events a month, far beyond any month the series holds (the most was {Enumerable.Range(eventMonth - PreMonths, PreMonths).Max(t => counts[t]):N0})"));
        }

        var placebos = new List<Effect>();
        for (var month = PreMonths; month + PostMonths < counts.Count; month++)
        {
            if (events.All(real => Math.Abs(month - real) > PostMonths) && Estimate(counts, month) is { } placebo)
            {
                placebos.Add(placebo);
            }
        }

        // None observed: the ratio is 0, and its upper bound the exact Poisson bound on a count of 0 (3.69) over the
        // expected, widened by the fit's uncertainty, not a division by half an event.
        var (ratio, low, high) = e.Observed > 0
            ? (Math.Exp(e.Log), Math.Exp(e.Log - (Z * e.Error)), Math.Exp(e.Log + (Z * e.Error)))
            : (0, 0, ZeroCountUpper / e.Expected * Math.Exp(Z * e.ExpectedError));
        return new EventStudyResult(e.Observed, e.Expected, ratio, low, high, e.PostMonths,
            placebos.Count,
            placebos.Count == 0 ? null : placebos.Count(p => Math.Abs(p.Log) >= Math.Abs(e.Log)) / (double)placebos.Count,
            placebos.Count == 0 ? null : placebos.Count(p => Math.Abs(p.Log) > Z * p.Error) / (double)placebos.Count,
            null)
        {
            LogRatio = e.Log,
            LogError = e.Error,
            ExpectedEach = e.ExpectedEach,
            BeyondComparison = comparison is not null && Estimate(comparison, eventMonth) is { } c ? Interval(e.Log - c.Log, Math.Sqrt((e.Error * e.Error) + (c.Error * c.Error))) : null,
        };
    }

    private static RatioInterval Interval(double log, double error) => new(Math.Exp(log), Math.Exp(log - (Z * error)), Math.Exp(log + (Z * error)));

    private static readonly double Z = Normal.InvCDF(0, 1, 0.975);

    /// <summary>The upper 97.5% bound of a Poisson mean when 0 events were seen: χ²(0.975, 2) / 2.</summary>
    private static readonly double ZeroCountUpper = ChiSquared.InvCDF(2, 0.975) / 2;

    /// <summary>
    /// The studies of several events of one kind pooled: their log ratios weighted by the inverse of their variance
    /// (a fixed-effect meta-analysis), with a 95% interval; null when none is estimable.
    /// </summary>
    public static PooledEffect? Pool(IEnumerable<EventStudyResult> studies)
    {
        var estimable = studies.Where(s => s.Estimable).ToList();
        if (estimable.Count == 0)
        {
            return null;
        }

        var weights = estimable.Select(s => 1 / (s.LogError * s.LogError)).ToList();
        var log = estimable.Select((s, i) => weights[i] * s.LogRatio).Sum() / weights.Sum();
        var error = Math.Sqrt(1 / weights.Sum());
        return new PooledEffect(estimable.Count, Math.Exp(log), Math.Exp(log - (Z * error)), Math.Exp(log + (Z * error)));
    }

    private readonly record struct Effect(double Observed, double Expected, double Log, double Error, int PostMonths, double[] ExpectedEach, double ExpectedError);

    private static Effect? Estimate(IReadOnlyList<double> counts, int month)
    {
        if (month < PreMonths || month + 1 >= counts.Count)
        {
            return null;
        }

        var pre = Enumerable.Range(month - PreMonths, PreMonths).ToList();
        if (pre.Sum(t => counts[t]) < MinimumEventsBefore)
        {
            return null;
        }

        // Time in months from the event, so that the intercept is the level the past leads to at the event.
        var fit = PoissonRegression.Fit([.. pre.Select(t => new double[] { t - month })], [.. pre.Select(t => counts[t])], ["trend"]);
        if (!fit.Converged)
        {
            return null;
        }

        var (a, b) = (fit.Coefficients[0].Estimate, fit.Coefficients[1].Estimate);
        var post = Enumerable.Range(month + 1, Math.Min(PostMonths, counts.Count - month - 1)).ToList();
        var expectedEach = post.Select(t => Math.Exp(a + (b * (t - month)))).ToList();
        var expected = expectedEach.Sum();
        var observed = post.Sum(t => counts[t]);
        // The gradient of log(expected) in (intercept, trend), for the delta method.
        var g0 = 1.0;
        var g1 = post.Select((t, i) => expectedEach[i] * (t - month)).Sum() / expected;
        var c = fit.Covariance;
        var varianceExpected = (g0 * g0 * c[0, 0]) + (2 * g0 * g1 * c[0, 1]) + (g1 * g1 * c[1, 1]);
        // Half an event when none was observed, so that the ratio and its interval stay finite.
        var seen = Math.Max(observed, 0.5);
        var varianceObserved = Math.Max(1.0, fit.Dispersion) / seen;
        return new Effect(observed, expected, Math.Log(seen / expected), Math.Sqrt(varianceObserved + varianceExpected), post.Count, [.. expectedEach],
            Math.Sqrt(varianceExpected));
    }

    private static string Reason(IReadOnlyList<double> counts, int month) =>
        month + 1 >= counts.Count ? "no month of data after it"
        : month < PreMonths ? $"fewer than {PreMonths} months of data before it"
        : Enumerable.Range(month - PreMonths, PreMonths).Sum(t => counts[t]) is var before && before < MinimumEventsBefore
            ? $"{before:N0} {(before == 1 ? "event" : "events")} in the {PreMonths} months before it, too few to carry over (at least {MinimumEventsBefore})"
        : "the model of the months before it did not converge";
}

/// <summary>
/// An event study's answer: events <see cref="Observed"/> in the <see cref="PostMonths"/> months after against
/// <see cref="Expected"/> from the months before, their <see cref="Ratio"/> with its 95% interval; how many placebo
/// dates there were, the share of them with an effect at least as large (<see cref="PlaceboShare"/>: the chance a date
/// when nothing happened looks like this), and the share whose interval left out "no change" (<see cref="PlaceboFalseAlarms"/>:
/// near 5% when the method is sound on this series). <see cref="Problem"/> says why there is no estimate.
/// </summary>
public sealed record EventStudyResult(double Observed, double Expected, double Ratio, double Low, double High, int PostMonths, int PlaceboDates,
    double? PlaceboShare, double? PlaceboFalseAlarms, string? Problem)
{
    /// <summary>The events expected in each month after (the counterfactual), for a chart.</summary>
    public IReadOnlyList<double> ExpectedEach { get; init; } = [];

    /// <summary>The ratio divided by the comparison series' own (a difference in differences on the log scale), when one was given and could be studied.</summary>
    public RatioInterval? BeyondComparison { get; init; }

    public bool Estimable => Problem is null;

    /// <summary>The log of the ratio (half an event in place of none) and its standard error, for pooling studies.</summary>
    internal double LogRatio { get; init; }

    internal double LogError { get; init; }

    public static EventStudyResult NotEstimable(string problem) => new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, null, null, problem);
}

/// <summary>Several events' studies pooled: how many, and their common ratio with its 95% interval.</summary>
public sealed record PooledEffect(int Events, double Ratio, double Low, double High);

/// <summary>A ratio with its 95% interval.</summary>
public sealed record RatioInterval(double Ratio, double Low, double High);
