namespace Dyad.Attribution.Calibration;

/// <summary>
/// A model's classes one level up: the families the registry's relations make (IS-K and the other provinces under the
/// Islamic State; the BLA, BLF, BRA … under the Baloch separatists; the Haqqani Network under the Taliban). A class in
/// no family of two or more of the model's classes stands for itself. A family's probability is the sum of its
/// classes'.
/// </summary>
public sealed class FamilyLevel
{
    private readonly int[] _unitOfClass;

    /// <param name="families">Each class's family (an actor id), or null; aligned with <paramref name="classes"/>.</param>
    public FamilyLevel(IReadOnlyList<string> classes, IReadOnlyList<string?> families)
    {
        var units = new List<string>();
        _unitOfClass = new int[classes.Count];
        for (var k = 0; k < classes.Count; k++)
        {
            var unit = families.Count > k && families[k] is { } family ? family : classes[k];
            var index = units.IndexOf(unit);
            if (index < 0)
            {
                units.Add(unit);
                index = units.Count - 1;
            }

            _unitOfClass[k] = index;
        }

        Units = units;
        IsFamily = [.. units.Select((_, u) => _unitOfClass.Count(x => x == u) >= 2)];
    }

    /// <summary>The families, and the classes that stand alone, in the order of their first class.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>Whether each unit is a family of two or more classes (a verdict at its level says more than nothing).</summary>
    public IReadOnlyList<bool> IsFamily { get; }

    public bool Any => IsFamily.Any(f => f);

    public int UnitOf(int classIndex) => _unitOfClass[classIndex];

    /// <summary>Each unit's probability: the sum of its classes'.</summary>
    public float[] Aggregate(float[] classProbabilities)
    {
        var sums = new float[Units.Count];
        for (var k = 0; k < classProbabilities.Length; k++)
        {
            sums[_unitOfClass[k]] += classProbabilities[k];
        }

        return sums;
    }

    /// <summary>The most likely unit one level up, and its probability.</summary>
    public (int Unit, float Probability) Top(float[] classProbabilities)
    {
        var units = Aggregate(classProbabilities);
        var top = Evaluation.ClassificationMetrics.ArgMax(units);
        return (top, units[top]);
    }

    /// <summary>
    /// The families of <paramref name="classes"/> that hold two or more of them (a family's own root counts: the Islamic
    /// State's attacks and IS-K's are one family); null for the rest.
    /// </summary>
    public static IReadOnlyList<string?> Of(IReadOnlyList<string> classes, Func<string, string?> family)
    {
        var families = classes.Select(c => family(c) ?? c).ToList();
        return [.. families.Select(f => families.Count(x => x == f) >= 2 ? f : null)];
    }
}
