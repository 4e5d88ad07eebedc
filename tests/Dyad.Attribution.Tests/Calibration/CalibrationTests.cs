using Dyad.Attribution.Calibration;
using Dyad.Attribution.Evaluation;

namespace Dyad.Attribution.Tests.Calibration;

public sealed class CalibrationTests
{
    [Fact]
    public void Temperature_scaling_softens_overconfident_probabilities()
    {
        // Always 99% sure, right 3 times in 4: the fitted temperature must spread the probability out.
        var probabilities = Enumerable.Range(0, 400).Select(_ => new[] { 0.99f, 0.01f }).ToList();
        var truth = Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? 1 : 0).ToList();

        var temperature = TemperatureScaling.Fit(probabilities, truth);

        temperature.ShouldBeGreaterThan(1);
        TemperatureScaling.Apply([0.99f, 0.01f], temperature)[0].ShouldBe(0.75f, 0.01f);
    }

    [Fact]
    public void The_attributed_threshold_is_where_validation_accuracy_stays_above_the_target_with_confidence()
    {
        // 200 attacks at 0.99 all right, then 200 at 0.6 of which half are right.
        var probabilities = Enumerable.Range(0, 400).Select(i => i < 200 ? new[] { 0.99f, 0.01f } : new[] { 0.6f, 0.4f }).ToList();
        var truth = Enumerable.Range(0, 400).Select(i => i < 200 || i % 2 == 0 ? 0 : 1).ToList();

        var thresholds = VerdictThresholds.Choose(probabilities, truth, 0.95, 0.7);

        thresholds.Attributed.ShouldBe(0.99, 1e-6);
        thresholds.Leaning.ShouldBe(0.6, 1e-6);
        thresholds.For(0.995, evidence: 3).ShouldBe(Verdict.Attributed);
        thresholds.For(0.995, evidence: 1).ShouldBe(Verdict.Leaning);
        thresholds.For(0.995, evidence: 0).ShouldBe(Verdict.CannotTell);
        thresholds.For(0.5, evidence: 3).ShouldBe(Verdict.CannotTell);
    }

    [Fact]
    public void Metrics_match_figures_worked_out_by_hand()
    {
        // Three attacks, two groups: right at 0.85, right at 0.65 (group b), wrong at 0.75.
        float[][] probabilities = [[0.85f, 0.15f], [0.35f, 0.65f], [0.75f, 0.25f]];
        int[] truth = [0, 1, 1];

        var m = ClassificationMetrics.Compute(probabilities, truth, ["a", "b"]);

        m.Accuracy.ShouldBe(2.0 / 3, 1e-9);
        // a: precision 1/2, recall 1 → F1 2/3; b: precision 1, recall 1/2 → F1 2/3.
        m.MacroF1.ShouldBe(2.0 / 3, 1e-9);
        m.Brier.ShouldBe(((2 * 0.0225) + (2 * 0.1225) + (2 * 0.5625)) / 3, 1e-6);
        m.LogLoss.ShouldBe(-(Math.Log(0.85) + Math.Log(0.65) + Math.Log(0.25)) / 3, 1e-6);
        // One attack per bin, so each adds |right - confidence| / 3.
        m.ExpectedCalibrationError.ShouldBe((0.15 + 0.35 + 0.75) / 3, 1e-6);
        // Most confident first: the 0.85 alone is 100% right; adding the 0.75 drops to 50%.
        m.CoverageAtAccuracy[0].Coverage.ShouldBe(1.0 / 3, 1e-9);
    }
}
