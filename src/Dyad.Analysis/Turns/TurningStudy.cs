using Dyad.Analysis.Statistics;

namespace Dyad.Analysis.Turns;

/// <summary>
/// What a rivalry's monthly incidents did after a turning event: clashes between the two sides, and each side's
/// incidents (its own and the clashes), each an <see cref="EventStudy"/> against its own past with placebo dates.
/// <see cref="CoverageEdges"/>: months within the study's windows where a source begins or ends, which can look like a change.
/// </summary>
public sealed record TurningStudy(TurningEvent Turn, EventStudyResult Clashes, EventStudyResult IncidentsA, EventStudyResult IncidentsB, IReadOnlyList<DateOnly> CoverageEdges);
