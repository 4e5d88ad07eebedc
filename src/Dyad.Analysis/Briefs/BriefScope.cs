using System.Globalization;
using Dyad.Analysis.Rivalry;

namespace Dyad.Analysis.Briefs;

/// <summary>What a brief covers, in a reader's words, and the command that makes it again.</summary>
/// <param name="Command">The exact command, with every option used.</param>
/// <param name="Countries">The countries asked for; null for every country in the sources.</param>
public sealed record BriefScope(string Command, DateOnly? From, DateOnly? To, IReadOnlyList<string>? Countries)
{
    public string CountriesText => Countries is { Count: > 0 } c ? string.Join(", ", c) : "every country in the sources";

    /// <summary>The period asked for, or the one the incidents span.</summary>
    public string Period(RivalryResult r)
    {
        var first = From ?? r.Timeline.FirstOrDefault()?.Period;
        var last = To ?? r.Timeline.LastOrDefault()?.Period;
        return first is null || last is null ? "no period with events" : string.Create(CultureInfo.InvariantCulture, $"{first:MMMM yyyy} to {last:MMMM yyyy}");
    }
}
