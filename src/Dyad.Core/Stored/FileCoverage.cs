namespace Dyad.Store;

/// <summary>
/// What one imported file covers: its dataset, the first and last day of its events, the countries they are in (the
/// source's, or the gazetteer's where the source names none), and, for an extract, what the user said it was filtered
/// to. Outside a file's coverage, no event is not zero events.
/// </summary>
public sealed record FileCoverage(string Dataset, string File, DateOnly From, DateOnly To, string? Extract, IReadOnlyList<string>? Countries = null)
{
    /// <summary>Whether the file covers every day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Covers(DateOnly from, DateOnly to) => From <= from && To >= to;
}

/// <summary>
/// The days a dataset covers, from all its files: their spans merged where they overlap or lie within a month of
/// each other. A file that starts inside another file's span of the same dataset changes no coverage.
/// </summary>
public sealed record DatasetCoverage(string Dataset, IReadOnlyList<(DateOnly From, DateOnly To)> Spans)
{
    public static IReadOnlyList<DatasetCoverage> Of(IEnumerable<FileCoverage> files) =>
        [.. files.GroupBy(f => f.Dataset).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new DatasetCoverage(g.Key, Merge(g)))];

    /// <summary>Whether one of the dataset's spans covers every day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Covers(DateOnly from, DateOnly to) => Spans.Any(s => s.From <= from && s.To >= to);

    /// <summary>The span that covers every day from <paramref name="from"/> to <paramref name="to"/>, if one does.</summary>
    public (DateOnly From, DateOnly To)? SpanCovering(DateOnly from, DateOnly to) =>
        Spans.Where(s => s.From <= from && s.To >= to).Select(s => ((DateOnly, DateOnly)?)s).FirstOrDefault();

    /// <summary>"acled 2019-04-01 to 2019-09-28", each span.</summary>
    public override string ToString() =>
        $"{Dataset} {string.Join(" and ", Spans.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.From:yyyy-MM-dd} to {s.To:yyyy-MM-dd}")))}";

    private static List<(DateOnly From, DateOnly To)> Merge(IEnumerable<FileCoverage> files)
    {
        var spans = new List<(DateOnly From, DateOnly To)>();
        foreach (var file in files.OrderBy(f => f.From))
        {
            if (spans.Count > 0 && file.From <= spans[^1].To.AddDays(31))
            {
                spans[^1] = (spans[^1].From, file.To > spans[^1].To ? file.To : spans[^1].To);
            }
            else
            {
                spans.Add((file.From, file.To));
            }
        }

        return spans;
    }
}
