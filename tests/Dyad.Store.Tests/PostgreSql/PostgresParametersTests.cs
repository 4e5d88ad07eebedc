using Dyad.Store.PostgreSql;

namespace Dyad.Store.Tests.PostgreSql;

public sealed class PostgresParametersTests
{
    [Theory]
    [InlineData("SELECT * FROM events WHERE id = $id AND dataset = $dataset", "SELECT * FROM events WHERE id = @id AND dataset = @dataset")]
    [InlineData("SELECT '$id costs $5' || $id", "SELECT '$id costs $5' || @id")]
    [InlineData("SELECT 'it''s $not' AS \"$quoted\", $yes", "SELECT 'it''s $not' AS \"$quoted\", @yes")]
    [InlineData("-- $comment\nSELECT /* $block */ $real", "-- $comment\nSELECT /* $block */ @real")]
    [InlineData("SELECT $1, x$y", "SELECT $1, x$y")]
    public void Only_a_parameter_is_renamed_never_text_in_a_literal_an_identifier_or_a_comment(string sql, string expected) =>
        PostgresParameters.Named(sql).ShouldBe(expected);
}
