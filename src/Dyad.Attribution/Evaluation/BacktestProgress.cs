namespace Dyad.Attribution.Evaluation;

/// <summary>Where a backtest is: its steps done and planned, its attacks tested and to test, the time so far and the time left.</summary>
/// <param name="Remaining">The estimate of the time left; null before the first step is done (nothing measured yet).</param>
/// <param name="TrainingAttacks">The attacks with a known perpetrator the first step trains on.</param>
public sealed record BacktestProgress(int StepsDone, int Steps, int AttacksTested, int Attacks, int TrainingAttacks, TimeSpan Elapsed, TimeSpan? Remaining);
