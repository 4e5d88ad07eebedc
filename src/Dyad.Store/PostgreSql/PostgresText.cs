namespace Dyad.Store.PostgreSql;

/// <summary>
/// PostgreSQL's text cannot hold the NUL character, which a damaged file can put in a field (DuckDB stores it): it is
/// written as U+FFFD, the replacement character, and the event's verbatim row, kept as bytes, still has the original.
/// </summary>
internal static class PostgresText
{
    public static string? Storable(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;

    /// <summary>A parameter's value with its text (or list of text) made storable; other values as they are.</summary>
    public static object? Storable(object? value) => value switch
    {
        string text => Storable(text),
        IEnumerable<string> texts => texts.Select(t => Storable(t)!).ToList(),
        _ => value,
    };
}
