using MathNet.Numerics.Distributions;

namespace Dyad.Analysis.Statistics;

/// <summary>Events after against before over equal windows: the ratio of Poisson rates with a 95% interval (log scale).</summary>
public sealed record RateRatio(long Before, long After, double Ratio, double Low, double High)
{
    /// <summary>False when neither window has an event: there is no rate to compare.</summary>
    public bool Estimable => Before + After > 0;

    public static RateRatio Of(long before, long after)
    {
        // Half an event added to each side when one is zero, so that the ratio and its interval stay finite.
        var b = before == 0 || after == 0 ? before + 0.5 : before;
        var a = before == 0 || after == 0 ? after + 0.5 : after;
        var log = Math.Log(a / b);
        var se = Math.Sqrt((1 / a) + (1 / b));
        var z = Normal.InvCDF(0, 1, 0.975);
        return new RateRatio(before, after, Math.Exp(log), Math.Exp(log - (z * se)), Math.Exp(log + (z * se)));
    }
}
