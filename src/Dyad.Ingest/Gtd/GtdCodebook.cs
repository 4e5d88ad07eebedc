using System.Globalization;
using System.Reflection;

namespace Dyad.Ingest.Gtd;

/// <summary>
/// GTD's codes and their labels, from START's codebook, for files that carry the codes without the <c>_txt</c>
/// columns (reduced extracts). Country codes are read from an embedded list.
/// </summary>
internal static class GtdCodebook
{
    /// <summary>The codebook's "unknown" for counts (nperps, nkill …): -99, and -9 in older releases.</summary>
    public static ReadOnlySpan<int> UnknownCounts => [-99, -9];

    public static IReadOnlyDictionary<int, string> AttackTypes { get; } = new Dictionary<int, string>
    {
        [1] = "Assassination",
        [2] = "Armed Assault",
        [3] = "Bombing/Explosion",
        [4] = "Hijacking",
        [5] = "Hostage Taking (Barricade Incident)",
        [6] = "Hostage Taking (Kidnapping)",
        [7] = "Facility/Infrastructure Attack",
        [8] = "Unarmed Assault",
        [9] = "Unknown",
    };

    public static IReadOnlyDictionary<int, string> WeaponTypes { get; } = new Dictionary<int, string>
    {
        [1] = "Biological",
        [2] = "Chemical",
        [3] = "Radiological",
        [4] = "Nuclear",
        [5] = "Firearms",
        [6] = "Explosives",
        [7] = "Fake Weapons",
        [8] = "Incendiary",
        [9] = "Melee",
        [10] = "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)",
        [11] = "Sabotage Equipment",
        [12] = "Other",
        [13] = "Unknown",
    };

    public static IReadOnlyDictionary<int, string> TargetTypes { get; } = new Dictionary<int, string>
    {
        [1] = "Business",
        [2] = "Government (General)",
        [3] = "Police",
        [4] = "Military",
        [5] = "Abortion Related",
        [6] = "Airports & Aircraft",
        [7] = "Government (Diplomatic)",
        [8] = "Educational Institution",
        [9] = "Food or Water Supply",
        [10] = "Journalists & Media",
        [11] = "Maritime",
        [12] = "NGO",
        [13] = "Other",
        [14] = "Private Citizens & Property",
        [15] = "Religious Figures/Institutions",
        [16] = "Telecommunication",
        [17] = "Terrorists/Non-State Militia",
        [18] = "Tourists",
        [19] = "Transportation",
        [20] = "Unknown",
        [21] = "Utilities",
        [22] = "Violent Political Party",
    };

    public static IReadOnlyDictionary<int, string> ClaimModes { get; } = new Dictionary<int, string>
    {
        [1] = "Letter",
        [2] = "Call (post-incident)",
        [3] = "Call (pre-incident)",
        [4] = "E-mail",
        [5] = "Note left at scene",
        [6] = "Video",
        [7] = "Posted to website, blog, etc.",
        [8] = "Personal claim",
        [9] = "Other",
        [10] = "Unknown",
    };

    public static IReadOnlyDictionary<int, string> Countries { get; } = LoadCountries();

    private static Dictionary<int, string> LoadCountries()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dyad.Ingest.Gtd.gtd-country-codes.csv")
            ?? throw new InvalidOperationException("The GTD country list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var countries = new Dictionary<int, string>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            countries[int.Parse(line.AsSpan(0, comma), CultureInfo.InvariantCulture)] = line[(comma + 1)..].Trim('"');
        }

        return countries;
    }
}
