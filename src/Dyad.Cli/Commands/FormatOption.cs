using Dyad.Ingest.Formats;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>--format gtd|acled|ucdp: read a file as that dataset whatever its header looks like (import, attribute --file).</summary>
internal static class FormatOption
{
    public const string Description = "Read the file(s) as gtd, acled or ucdp whatever their header looks like.";

    public static FormatFamily? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "gtd" => FormatFamily.Gtd,
        "acled" => FormatFamily.Acled,
        "ucdp" => FormatFamily.Ucdp,
        _ => null,
    };

    public static ValidationResult Validate(string? text) =>
        text is not null && Parse(text) is null ? ValidationResult.Error($"--format {text}: Dyad reads gtd, acled and ucdp.") : ValidationResult.Success();
}
