using System.Runtime.ExceptionServices;

namespace Dyad.Attribution.Training;

/// <summary>
/// Fits run off the caller's thread: at most so many at once, awaited so that a cancellation is heard at once, and
/// failing as the fit failed (not as an AggregateException).
/// </summary>
internal static class SideBySide
{
    /// <summary>The fit's result once done; cancelled at once (an abandoned fit ends on its own and is let go).</summary>
    public static T Finished<T>(Task<T> fit, CancellationToken cancellationToken)
    {
        try
        {
            fit.Wait(cancellationToken);
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }

        return fit.Result;
    }

    public static void For(int count, int atOnce, Action<int> body, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, atOnce), CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException failed)
        {
            var first = failed.Flatten().InnerExceptions;
            ExceptionDispatchInfo.Throw(first.FirstOrDefault(e => e is not OperationCanceledException) ?? first[0]);
        }
    }
}
