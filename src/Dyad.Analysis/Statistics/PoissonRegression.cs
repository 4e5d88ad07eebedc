using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Dyad.Analysis.Statistics;

/// <summary>
/// A Poisson regression (log link) fitted by iteratively reweighted least squares, with Wald confidence intervals.
/// When the counts are more spread out than Poisson allows (Pearson χ²/df above 1), the standard errors are widened
/// by its square root (quasi-Poisson), as a negative binomial would widen them.
/// </summary>
public static class PoissonRegression
{
    /// <param name="rows">Each observation's covariates (without the intercept, which is added).</param>
    /// <param name="counts">Each observation's count.</param>
    public static PoissonFit Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> counts, IReadOnlyList<string> names)
    {
        var n = rows.Count;
        var p = names.Count + 1;
        if (n <= p)
        {
            return new PoissonFit(n, [], double.NaN, Converged: false);
        }

        var x = Matrix<double>.Build.Dense(n, p, (i, j) => j == 0 ? 1.0 : rows[i][j - 1]);
        var y = Vector<double>.Build.Dense(n, i => counts[i]);
        var beta = Vector<double>.Build.Dense(p);
        beta[0] = Math.Log(Math.Max(y.Average(), 1e-9));
        Matrix<double> information = Matrix<double>.Build.Dense(p, p);
        var converged = false;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var eta = x * beta;
            var mu = eta.Map(Math.Exp);
            var z = eta + (y - mu).PointwiseDivide(mu);
            var weighted = x.Clone();
            for (var i = 0; i < n; i++)
            {
                weighted.SetRow(i, x.Row(i) * mu[i]);
            }

            information = x.TransposeThisAndMultiply(weighted);
            Vector<double> next;
            try
            {
                next = information.Solve(weighted.TransposeThisAndMultiply(z));
            }
            catch (InvalidOperationException)
            {
                break;
            }

            var change = (next - beta).AbsoluteMaximum();
            beta = next;
            if (double.IsNaN(change))
            {
                break;
            }

            if (change < 1e-8)
            {
                converged = true;
                break;
            }
        }

        var fitted = (x * beta).Map(Math.Exp);
        var pearson = Enumerable.Range(0, n).Sum(i => (y[i] - fitted[i]) * (y[i] - fitted[i]) / Math.Max(fitted[i], 1e-12));
        var dispersion = pearson / (n - p);
        var covariance = information.Inverse() * Math.Max(1.0, dispersion);
        var z95 = Normal.InvCDF(0, 1, 0.975);
        var coefficients = new List<Coefficient>();
        for (var j = 0; j < p; j++)
        {
            var se = Math.Sqrt(covariance[j, j]);
            var estimate = beta[j];
            var pValue = 2 * (1 - Normal.CDF(0, 1, Math.Abs(estimate / se)));
            coefficients.Add(new Coefficient(j == 0 ? "intercept" : names[j - 1], estimate, se, estimate - (z95 * se), estimate + (z95 * se), pValue));
        }

        return new PoissonFit(n, coefficients, dispersion, converged) { Covariance = covariance.ToArray() };
    }
}

/// <summary>A fitted Poisson regression: n observations, the coefficients (log rate ratios), the dispersion.</summary>
public sealed record PoissonFit(int Observations, IReadOnlyList<Coefficient> Coefficients, double Dispersion, bool Converged)
{
    /// <summary>Converged, with every estimate, standard error and p-value a finite number: a fit that can be reported.</summary>
    public bool Usable => Converged && Coefficients.Count > 0 && double.IsFinite(Dispersion)
        && Coefficients.All(c => double.IsFinite(c.Estimate) && double.IsFinite(c.StandardError) && double.IsFinite(c.PValue));

    /// <summary>The coefficients' covariance (intercept first), widened by the dispersion as the standard errors are: for
    /// the computations built on the fit (an event study's interval), not a figure for a reader, so not in the JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double[,] Covariance { get; init; } = new double[0, 0];
}

/// <summary>One coefficient on the log scale, with its standard error, 95% interval and two-sided p-value.</summary>
public sealed record Coefficient(string Name, double Estimate, double StandardError, double Low, double High, double PValue)
{
    public double RateRatio => Math.Exp(Estimate);

    /// <summary>The p-value as a reader is given it: "p = 0.023", or "p &lt; 0.001" (never "p 0", which no test can give).</summary>
    public string PText => PValue < 0.001 ? "p < 0.001" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p = {PValue:0.000}");
}
