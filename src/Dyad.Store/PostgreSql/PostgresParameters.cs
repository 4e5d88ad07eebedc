using System.Text.RegularExpressions;

namespace Dyad.Store.PostgreSql;

/// <summary>
/// The store's SQL names its parameters <c>$name</c>, as DuckDB takes them; Npgsql takes <c>@name</c>. Only a
/// parameter is renamed: text inside a string literal ('… $5 …'), a quoted identifier or a comment is left as written.
/// </summary>
internal static partial class PostgresParameters
{
    public static string Named(string sql) => Token().Replace(sql, m => m.Groups["parameter"].Success ? "@" + m.Groups["parameter"].Value : m.Value);

    [GeneratedRegex("""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|/\*.*?\*/|(?<![\w$])\$(?<parameter>[A-Za-z_]\w*)""", RegexOptions.Singleline)]
    private static partial Regex Token();
}
