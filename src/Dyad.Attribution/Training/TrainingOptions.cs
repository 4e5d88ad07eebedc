namespace Dyad.Attribution.Training;

/// <summary>How a model is trained. The defaults are what the backtests in the closing notes were run with.</summary>
public sealed record TrainingOptions
{
    /// <summary>Train only on attacks before this day (and compute no context from later ones).</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Only attacks in these countries (as the sources name them); empty: all.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The candidate groups (actor ids or names); empty: every group with at least <see cref="MinimumEvents"/> attacks.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    public int MinimumEvents { get; init; } = 10;

    /// <summary>The share of the newest training attacks held out, in date order, to calibrate and choose thresholds.</summary>
    public double ValidationShare { get; init; } = 0.2;

    /// <summary>The accuracy the "attributed" verdict must reach on validation data.</summary>
    public double AttributedAccuracy { get; init; } = 0.95;

    /// <summary>The accuracy the "leaning" verdict must reach on validation data.</summary>
    public double LeaningAccuracy { get; init; } = 0.8;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Counts of each candidate group's recent attacks around the attack (province, neighbours, country, days since).
    /// Off by default. In the single-split backtest they looked harmful because the counts went stale over the test
    /// months; walked forward monthly over GTD 2021 from March, with training features as stale as the test's, they
    /// neither helped nor harmed (Brier 0.097 → 0.099 over all countries, 0.063 → 0.060 in Afghanistan; macro-F1 the
    /// same): four more features per group are not worth their cost. (Those are test months: see the closing note.)
    /// </summary>
    public bool GroupActivity { get; init; }

    /// <summary>
    /// Read the source's own words, masked (see <see cref="Features.TextMask"/>): as words and pairs of words up to
    /// <see cref="GridSearchLimit"/> training attacks, and always as the community and kind of target they name.
    /// </summary>
    public bool Text { get; init; } = true;

    /// <summary>A state's forces and the militias on its side are candidates too; by default only armed groups are.</summary>
    public bool StateForces { get; init; }

    /// <summary>
    /// In training, an attack's features see only the perpetrators known before its own step began (its month or
    /// quarter), as a test attack's do in a walk-forward backtest; null: those known before its own day.
    /// </summary>
    public StepCalendar? KnownFromStepStart { get; init; }

    /// <summary>
    /// The booster settings to choose from, by log-loss on the validation slice (after calibration), when there are
    /// at most <see cref="GridSearchLimit"/> training attacks. A fourth, 7 leaves in 600 rounds at half the rate, was
    /// dropped: on the search's own validation slices at 31 walk-forward steps (GTD 2021, all countries and
    /// Afghanistan; UCDP Pakistan; GTD, ACLED and UCDP together) it was the best of the four on two (two steps with the
    /// same training attacks), by 1%, and worse than the best of these three on the other 29 (by 0.25–54%), for a
    /// quarter to a half of the search's training time and twice the trees to score.
    /// Each takes 150 rounds at rate 0.2 rather than 300 at 0.1: a fit's time is the number of trees (rounds times
    /// classes; 4 leaves cost nearly what 15 do), and on the validation slices of 12 trainings (GTD 2021 until April,
    /// May and June, all countries and Afghanistan; UCDP Nigeria until 2018; UCDP Pakistan until 2012, 2016 and 2020;
    /// the walk-forward bench's file until 2014-01 and 2015-06) the best of the three had a log-loss from 24% lower to
    /// 3.1% higher (median +0.7%; the bench's file +9.5% once, 0.0021 to 0.0023) in 45–60% of the trees' time. 100
    /// rounds at 0.3 were worse (median +1.6%, up to +43%).
    /// </summary>
    public IReadOnlyList<BoosterSettings> Boosters { get; init; } =
    [
        new(Leaves: 15, MinimumExamplesPerLeaf: 10, Iterations: 150, LearningRate: 0.2),
        new(Leaves: 7, MinimumExamplesPerLeaf: 5, Iterations: 150, LearningRate: 0.2),
        new(Leaves: 4, MinimumExamplesPerLeaf: 3, Iterations: 150, LearningRate: 0.2),
    ];

    /// <summary>
    /// Above this many training attacks, <see cref="LargeDataBooster"/> is trained once instead of a search, and the
    /// text is not read as words. Chosen on validation slices (the newest fifth of each training set), never on a
    /// test: on ten slices of 760–8,800 attacks (GTD 2021, UCDP Pakistan, GTD, ACLED and UCDP together) the search had
    /// a lower log-loss than the one booster on eight (by 0.8–8%); on three of 9,500–10,700 attacks the one booster
    /// without the words was as good (−2% to +0.4%), better than itself with the words on all three, and 7 to 12 times
    /// faster.
    /// </summary>
    public int GridSearchLimit { get; init; } = 10_000;

    /// <summary>
    /// Above this many training attacks the model fitted on the older four fifths is kept rather than trained again on
    /// all of them: the newest fifth adds little that the rest did not teach, and training again would double the time.
    /// </summary>
    public int RefitLimit { get; init; } = 50_000;

    /// <summary>
    /// The one booster for many attacks: bigger leaves and fewer, longer steps, so that 200,000 attacks train in under a
    /// minute on two cores. (Bagging half the attacks per step was tried: it saved a tenth of the training and made
    /// scoring 60% slower.)
    /// </summary>
    public BoosterSettings LargeDataBooster { get; init; } = new(Leaves: 31, MinimumExamplesPerLeaf: 20, Iterations: 100, LearningRate: 0.2);

    /// <summary>
    /// LightGBM's threads; null: one up to <see cref="GridSearchLimit"/> training attacks, two above. On a few thousand
    /// attacks a second thread mostly waits for the first (OpenMP's spinning showed as system time): one thread trained
    /// the search on 6,254 attacks of 53 groups (and "other") in 52.5 s against 66.3 s with two, to the same model. The same seed gives
    /// the same model when this is the same too.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>The threads LightGBM trains <paramref name="rows"/> attacks with (see <see cref="Threads"/>).</summary>
    public int ThreadsFor(int rows) => Threads ?? (rows > GridSearchLimit ? 2 : 1);

    /// <summary>
    /// How many fits of <paramref name="rows"/> attacks run at once (a search's candidates; a walk-forward's next
    /// training beside the current one): two, on a machine of two cores or more, when each fits on one thread; else
    /// one. ML.NET trains one booster at a time, so what overlaps is the rest of a fit — the features, the words,
    /// LightGBM's dataset, the calibration — which took the walk-forward bench from 435 s to 330 s. Each fit is the same
    /// as alone, so the models are too (see <c>LightGbmGate</c>).
    /// </summary>
    public int FitsAtOnce(int rows) => ThreadsFor(rows) == 1 ? Math.Clamp(Environment.ProcessorCount, 1, 2) : 1;
}

/// <summary>LightGBM's settings for one model.</summary>
public sealed record BoosterSettings(int Leaves, int MinimumExamplesPerLeaf, int Iterations, double LearningRate, double L2 = 1.0, double FeatureFraction = 0.8);
