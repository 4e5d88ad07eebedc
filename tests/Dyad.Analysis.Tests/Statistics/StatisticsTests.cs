using Dyad.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace Dyad.Analysis.Tests.Statistics;

public sealed class StatisticsTests
{
    [Fact]
    public void The_count_model_recovers_a_known_coefficient_from_simulated_data()
    {
        var random = new Random(11);
        var rows = new List<double[]>();
        var counts = new List<double>();
        for (var i = 0; i < 5000; i++)
        {
            var present = random.NextDouble() < 0.3 ? 1.0 : 0.0;
            rows.Add([present]);
            counts.Add(Poisson.Sample(random, Math.Exp(0.2 + (0.7 * present))));
        }

        var fit = PoissonRegression.Fit(rows, counts, ["present"]);

        fit.Converged.ShouldBeTrue();
        fit.Observations.ShouldBe(5000);
        var coefficient = fit.Coefficients[1];
        coefficient.Estimate.ShouldBe(0.7, 0.06);
        coefficient.Low.ShouldBeLessThan(0.7);
        coefficient.High.ShouldBeGreaterThan(0.7);
        fit.Coefficients[0].Estimate.ShouldBe(0.2, 0.06);
        fit.Dispersion.ShouldBe(1.0, 0.1);
    }

    [Fact]
    public void A_change_of_rate_is_found_where_it_happened()
    {
        var random = new Random(5);
        var series = Enumerable.Range(0, 60).Select(i => (double)Poisson.Sample(random, i < 30 ? 1 : 6)).ToList();

        var points = ChangePoints.Find(series);

        points.ShouldHaveSingleItem().ShouldBeInRange(28, 32);
        ChangePoints.Find([.. Enumerable.Repeat(2.0, 40)]).ShouldBeEmpty();
    }

    [Fact]
    public void A_rate_ratio_has_its_interval_on_the_log_scale()
    {
        var ratio = RateRatio.Of(20, 10);

        ratio.Ratio.ShouldBe(0.5, 1e-9);
        ratio.Low.ShouldBe(Math.Exp(Math.Log(0.5) - (1.959964 * Math.Sqrt(0.1 + 0.05))), 1e-4);
        RateRatio.Of(4, 0).Ratio.ShouldBe(0.5 / 4.5, 1e-9);
    }
}
