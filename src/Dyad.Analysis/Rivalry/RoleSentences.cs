using System.Globalization;

namespace Dyad.Analysis.Rivalry;

/// <summary>
/// The sentences that name the part each count played, in plain text, for every place a rivalry is told (the terminal,
/// the brief): one wording, so that what a reader is told a figure means is the same everywhere.
/// </summary>
public static class RoleSentences
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>How the part a side played is read from each dataset, for the method note.</summary>
    public const string Rule =
        "What a side did is its attacks: GTD's perpetrator group; ACLED's first actor of an explosion or remote violence, " +
        "or of violence against civilians; UCDP's side A of one-sided violence. The fighting it was in is UCDP's state-based " +
        "and non-state conflict and ACLED's battles, with the state (a government or its forces) or with another group. What " +
        "was done to it is the second actor of such an attack (an air strike or an operation against it). Deaths per attack " +
        "are counted on what it did only. An event whose source leaves the author open between groups (ACLED's \"X and/or Y\", " +
        "GTD's second and third groups, suspected or competing to claim it) is no group's: between the two sides it is either " +
        "side's, and between one side and a third group it is \"possibly\" that side's, counted apart in every pairing.";

    /// <summary>"IS-K 36 attacks and 120 deaths (3.3 per attack, 40% of those with a claim flag claimed)".</summary>
    public static string Attacks(string side, SideSummary s) =>
        string.Create(Invariant, $"{side} {s.Events:N0} attacks and {s.Deaths:N0} deaths ({(double.IsNaN(s.DeathsPerEvent) ? "–" : s.DeathsPerEvent.ToString("0.0", Invariant))} per attack") +
        (s.ClaimRecorded > 0 ? string.Create(Invariant, $", {s.ClaimedShare * 100:0}% of those with a claim flag claimed)") : ")");

    /// <summary>"IS-K fought the state in 12 incidents (340 deaths) and other groups in 3 (10), and was attacked in 25 (200)"; null when it had no such part.</summary>
    public static string? Fighting(string side, SideRoles roles)
    {
        var parts = new List<string>();
        if (roles.FoughtState.Incidents > 0)
        {
            parts.Add(string.Create(Invariant, $"fought the state in {roles.FoughtState.Incidents:N0} incidents ({roles.FoughtState.Deaths:N0} deaths)"));
        }

        if (roles.FoughtOther.Incidents > 0)
        {
            parts.Add(string.Create(Invariant, $"fought other groups in {roles.FoughtOther.Incidents:N0} ({roles.FoughtOther.Deaths:N0} deaths)"));
        }

        if (roles.DoneTo.Incidents > 0)
        {
            parts.Add(string.Create(Invariant, $"was the target of {roles.DoneTo.Incidents:N0} attacks: air strikes and operations ({roles.DoneTo.Deaths:N0} deaths)"));
        }

        if (roles.Other.Incidents > 0)
        {
            parts.Add(string.Create(Invariant, $"appears in {roles.Other.Incidents:N0} other events (strategic developments, protests)"));
        }

        return parts.Count == 0 ? null : $"{side} {string.Join(", ", parts)}";
    }

    /// <summary>"possibly IS-K's: 499 incidents (3,208 deaths) the sources leave open between it and another group"; null when none.</summary>
    public static string? Possibly(string side, SideSummary s) => s.Events == 0 ? null
        : string.Create(Invariant, $"possibly {side}'s: {s.Events:N0} incidents ({s.Deaths:N0} deaths) the sources leave open between it and another group");

    /// <summary>
    /// "UCDP's own yearly table gives 1,444 deaths in fighting between IS-K and the Taliban in 2015–2019; UCDP's events
    /// here hold 255 of them (18%)", one sentence for each part UCDP's tables in the store count; empty without them.
    /// </summary>
    public static IReadOnlyList<string> UcdpBeside(RivalryResult r) =>
        [.. r.Ucdp.GroupBy(u => (u.Role, u.Activity)).Select(g =>
        {
            var (table, events) = (g.Sum(u => u.TableDeaths), g.Sum(u => u.EventDeaths));
            var years = g.Min(u => u.Year) == g.Max(u => u.Year) ? $"{g.Min(u => u.Year)}" : $"{g.Min(u => u.Year)}–{g.Max(u => u.Year)}";
            var share = table == 0 ? "" : string.Create(Invariant, $" ({100.0 * events / table:0}%)");
            var warning = table > 0 && events < table / 2 ? ": the event files here are a sample or an extract of UCDP's, and their figures are not UCDP's totals" : "";
            return string.Create(Invariant, $"UCDP's own yearly table gives {table:N0} deaths in {Part(r, g.Key.Role, g.Key.Activity)} in {years}; UCDP's events here hold {events:N0} of them{share}{warning}");
        })];

    private static string Part(RivalryResult r, Dyad.Store.RivalryRole role, Dyad.Store.SideActivity activity)
    {
        var side = role == Dyad.Store.RivalryRole.SideA ? r.A.Name : r.B.Name;
        return (role, activity) switch
        {
            (Dyad.Store.RivalryRole.Dyadic, _) => $"fighting between {r.A.Name} and {r.B.Name}",
            (_, Dyad.Store.SideActivity.Did) => $"{side}'s one-sided violence",
            (_, Dyad.Store.SideActivity.FoughtState) => $"{side}'s fighting with the state",
            _ => $"{side}'s fighting with other groups",
        };
    }

    /// <summary>"(12 incidents known only to the year are in the totals, not in this table)"; null when none.</summary>
    public static string? YearOnly(RivalryResult r) => r.YearOnly == 0 ? null
        : string.Create(Invariant, $"{r.YearOnly:N0} incidents the sources date only to the year are in the totals but in no {r.By.ToString().ToLowerInvariant()} of the series");
}
