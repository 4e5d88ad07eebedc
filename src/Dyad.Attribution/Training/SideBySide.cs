using System.Runtime.ExceptionServices;

namespace Dyad.Attribution.Training;

/// <summary>Runs independent fits at most so many at once, and fails as the first failure did (not as an AggregateException).</summary>
internal static class SideBySide
{
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
