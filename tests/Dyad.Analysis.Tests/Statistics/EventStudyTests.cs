using Dyad.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace Dyad.Analysis.Tests.Statistics;

public sealed class EventStudyTests
{
    private static double[] Simulated(int months, double rate, int? jumpAt = null, double jump = 1, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, months).Select(t => (double)Poisson.Sample(random, rate * (jumpAt is { } j && t > j ? jump : 1)))];
    }

    [Fact]
    public void A_doubling_is_found_with_its_interval_covering_it()
    {
        var covered = 0;
        for (var seed = 1; seed <= 50; seed++)
        {
            var study = EventStudy.Of(Simulated(96, 6, jumpAt: 60, jump: 2, seed: seed), 60, [60]);
            study.Estimable.ShouldBeTrue();
            covered += study.Low <= 2 && 2 <= study.High ? 1 : 0;
        }

        covered.ShouldBeGreaterThanOrEqualTo(44, "a 95% interval covers the true doubling in about 95 of 100 series");
        var one = EventStudy.Of(Simulated(96, 6, jumpAt: 60, jump: 2, seed: 3), 60, [60]);
        one.Ratio.ShouldBeInRange(1.5, 2.7);
        one.Low.ShouldBeGreaterThan(1, "a doubling of six events a month is clear");
        one.PlaceboShare!.Value.ShouldBeLessThan(0.1, "few dates when nothing happened look like this");
    }

    [Fact]
    public void On_a_flat_series_about_one_placebo_date_in_twenty_raises_a_false_alarm()
    {
        var alarms = new List<double>();
        for (var seed = 1; seed <= 20; seed++)
        {
            alarms.Add(EventStudy.Of(Simulated(120, 4, seed: seed), 60, [60]).PlaceboFalseAlarms!.Value);
        }

        alarms.Average().ShouldBeInRange(0.02, 0.09);
    }

    [Fact]
    public void Hand_worked_on_a_steady_series()
    {
        // Three events every month for 24 months, then six a month: the past says 3 a month, 18 in six months; 36 seen.
        double[] counts = [.. Enumerable.Repeat(3.0, 25), .. Enumerable.Repeat(6.0, 6)];
        var study = EventStudy.Of(counts, 24, [24]);

        study.Expected.ShouldBe(18, 1e-6);
        study.Observed.ShouldBe(36);
        study.Ratio.ShouldBe(2, 1e-6);
        // Log-scale error: the observed count's (1/36; the series is less spread than Poisson, so no widening) and the
        // level's (1/72 over 24 months of 3; the trend is estimated too and adds to it).
        var error = (Math.Log(study.High) - Math.Log(study.Ratio)) / 1.959964;
        error.ShouldBeGreaterThan(Math.Sqrt((1.0 / 36) + (1.0 / 72)) - 1e-6);
        study.PlaceboDates.ShouldBe(0, "the series has no month with both windows away from the event");
    }

    [Fact]
    public void None_seen_after_gives_a_ratio_of_zero_with_an_upper_bound_from_the_model()
    {
        double[] counts = [.. Enumerable.Repeat(3.0, 25), .. Enumerable.Repeat(0.0, 6)];
        var study = EventStudy.Of(counts, 24, [24]);

        (study.Ratio, study.Low).ShouldBe((0, 0));
        // 3.69 (the exact upper bound on a count of 0) over the 18 expected, widened by the fit's uncertainty (a level and a trend carried six months on).
        study.High.ShouldBeInRange(3.689 / 18 * 1.2, 3.689 / 18 * 2);
    }

    [Fact]
    public void A_series_that_rose_from_nothing_is_not_carried_beyond_what_it_held()
    {
        // Nothing for 20 months, then a source begins: the trend carried on would expect thousands a month.
        double[] counts = [.. Enumerable.Repeat(0.0, 20), 5, 40, 200, 900, 0, 1000, 1000, 1000, 1000, 1000, 1000];
        var study = EventStudy.Of(counts, 24, [24]);

        study.Estimable.ShouldBeFalse();
        study.Problem!.ShouldStartWith("cannot tell: the trend of the 24 months before, carried on");
    }

    [Fact]
    public void A_change_that_moved_every_series_is_divided_out_by_the_comparison()
    {
        // A season that doubled everyone's violence from month 60: the group's own ratio says 2, beyond the others' about 1.
        var group = Simulated(96, 6, jumpAt: 60, jump: 2, seed: 5);
        var others = Simulated(96, 30, jumpAt: 60, jump: 2, seed: 6);
        var study = EventStudy.Of(group, 60, [60], others);

        study.Ratio.ShouldBeGreaterThan(1.5);
        var beyond = study.BeyondComparison.ShouldNotBeNull();
        beyond.Low.ShouldBeLessThan(1);
        beyond.High.ShouldBeGreaterThan(1);
        EventStudy.Of(group, 60, [60]).BeyondComparison.ShouldBeNull();
    }

    [Fact]
    public void Studies_of_one_kind_pool_to_a_narrower_interval()
    {
        var studies = Enumerable.Range(1, 4).Select(seed => EventStudy.Of(Simulated(96, 6, jumpAt: 60, jump: 1.5, seed: seed), 60, [60])).ToList();
        var pooled = EventStudy.Pool(studies)!;

        pooled.Events.ShouldBe(4);
        pooled.Low.ShouldBeLessThan(1.5);
        pooled.High.ShouldBeGreaterThan(1.5);
        (pooled.High / pooled.Low).ShouldBeLessThan(studies.Min(s => s.High / s.Low));
        EventStudy.Pool([EventStudyResult.NotEstimable("no month of data after it")]).ShouldBeNull();
    }

    [Fact]
    public void An_event_with_no_data_after_it_says_so()
    {
        var counts = Simulated(40, 5);
        EventStudy.Of(counts, 39, [39]).Problem.ShouldBe("no month of data after it");
        EventStudy.Of(counts, 10, [10]).Problem.ShouldBe("fewer than 24 months of data before it");
        EventStudy.Of([.. Enumerable.Repeat(0.0, 25), 3, 3, 3, 4, 4], 28, [28]).Problem.ShouldBe("9 events in the 24 months before it, too few to carry over (at least 10)");
    }
}
