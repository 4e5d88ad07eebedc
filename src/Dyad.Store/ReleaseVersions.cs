using System.Text.RegularExpressions;

namespace Dyad.Store;

/// <summary>
/// The order of a dataset's releases by the versions their publishers give them ("19.1" before "23.1", "v22.1" before
/// "23.1"; "2023-05" before "2024-01"), not by the order they were imported in: an older release imported after a newer
/// one must not put its older values back.
/// </summary>
public static partial class ReleaseVersions
{
    /// <summary>Negative when <paramref name="a"/> is older than <paramref name="b"/>, positive when newer; null when either has no number to order by.</summary>
    public static int? Compare(string a, string b)
    {
        var (x, y) = (Numbers(a), Numbers(b));
        if (x.Count == 0 || y.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    private static List<long> Numbers(string release) =>
        [.. Digits().Matches(release).Select(m => long.TryParse(m.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue)];

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
