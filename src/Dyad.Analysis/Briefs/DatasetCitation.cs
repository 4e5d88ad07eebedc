using System.Text.RegularExpressions;
using Dyad.Store;

namespace Dyad.Analysis.Briefs;

/// <summary>How a brief cites an imported file: the dataset's full name and publisher, its version, the file, and when it was imported.</summary>
public static partial class DatasetCitation
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["gtd"] = "Global Terrorism Database (GTD), National Consortium for the Study of Terrorism and Responses to Terrorism (START), University of Maryland",
        ["acled"] = "Armed Conflict Location & Event Data (ACLED)",
        ["ucdp-ged"] = "UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, Uppsala University (CC BY 4.0)",
        ["ucdp-nonstate"] = "UCDP Non-State Conflict Dataset, Uppsala Conflict Data Program (CC BY 4.0)",
        ["ucdp-onesided"] = "UCDP One-sided Violence Dataset, Uppsala Conflict Data Program (CC BY 4.0)",
        ["ucdp-battledeaths"] = "UCDP Battle-Related Deaths Dataset, Uppsala Conflict Data Program (CC BY 4.0)",
        ["analyst"] = "The analyst's own event records, each citing its source (dyad sources)",
    };

    /// <summary>The dataset's name as a reader knows it: GTD, ACLED, UCDP GED.</summary>
    public static string ShortName(string dataset) => dataset switch
    {
        "gtd" => "GTD",
        "acled" => "ACLED",
        "ucdp-ged" => "UCDP GED",
        "analyst" => "Analyst records",
        _ => dataset,
    };

    public static string For(ImportReport import)
    {
        var file = Path.GetFileName(import.Path);
        var name = Names.GetValueOrDefault(import.Dataset, import.Dataset);
        var version = Version(file) is { } v ? $", version {v}" : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name}{version}. File `{MarkdownText.Code(file)}`, {import.Imported:N0} events; imported into Dyad on {import.FinishedAt:yyyy-MM-dd} (the access date of this copy).");
    }

    /// <summary>The version in UCDP's and GTD's file names: ged231 → 23.1, v23_1 → 23.1, 1222dist → the 12/2022 distribution.</summary>
    private static string? Version(string file)
    {
        if (GedVersion().Match(file) is { Success: true } ged)
        {
            return $"{ged.Groups[1].Value}.{ged.Groups[2].Value}";
        }

        if (UnderscoreVersion().Match(file) is { Success: true } v)
        {
            return $"{v.Groups[1].Value}.{v.Groups[2].Value}";
        }

        return GtdDistribution().Match(file) is { Success: true } gtd ? $"distribution of {gtd.Groups[1].Value}/20{gtd.Groups[2].Value}" : null;
    }

    [GeneratedRegex(@"ged(\d{2})(\d)", RegexOptions.IgnoreCase)]
    private static partial Regex GedVersion();

    [GeneratedRegex(@"v(\d+)_(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex UnderscoreVersion();

    [GeneratedRegex(@"(\d{2})(\d{2})dist", RegexOptions.IgnoreCase)]
    private static partial Regex GtdDistribution();
}
