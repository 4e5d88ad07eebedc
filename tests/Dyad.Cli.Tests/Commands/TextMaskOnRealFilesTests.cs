using System.Text.RegularExpressions;
using Dyad.App;
using Dyad.App.Attribution;
using Dyad.Attribution.Features;
using Dyad.Names;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>The masked text of every real file in ../shared/data keeps no name the registry knows and no word of claim.</summary>
public sealed class TextMaskOnRealFilesTests
{
    public static TheoryData<string> Files() =>
    [
        "gtd/globalterrorismdb_2021Jan-June_1222dist.csv",
        "gtd/globalterrorismdb_2021Jan-June_1222dist.xlsx",
        "acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv",
        "acled/acled_balochistan_2020-2024_somaiyahhafeez.csv",
        "acled/acledR_acled_old_deletion_dummy_global9000.csv",
        "ucdp/ged231_sample1000_uncertainUCDP.csv",
        "ucdp/ged_api_pakistan_BatonVatrushka.csv",
        "ucdp/ged191_afg_selected310_RealCaddish.geojson",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_Leave_No_Registered_Name_And_No_Claim_Word_In_The_Masked_Text(string relative)
    {
        var path = SharedData.File(relative);
        var registries = RegistryFiles.Load(null);
        var (attacks, _) = new AttackSources(registries).FromFile(path, null, TestContext.Current.CancellationToken);
        var texts = attacks.Select(a => a.Text).OfType<string>().ToList();
        Assert.SkipWhen(texts.Count == 0, $"{relative}: no event of it has a text to mask (UCDP's older rows carry no headlines).");

        var names = registries.Actors.Actors.Where(a => a.Kind != "civilians").SelectMany(a => a.Names.Select(n => n.Name)).Distinct().ToList();
        // Capitals-only short names ("IS", "JI") are looked for in capitals; the others in every case and spelling.
        static bool CapitalsOnly(string n) => n.Trim().Length <= 5 && !n.Any(char.IsLower) && !n.Trim().Contains(' ', StringComparison.Ordinal);
        var acronyms = names.Where(CapitalsOnly).Select(n => new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(n.Trim())}(?![\p{{L}}\p{{N}}])")).ToList();
        var spelled = names.Where(n => !CapitalsOnly(n)).Select(n => NameText.Normalize(n, registries.Actors.SpellingVariants)).Where(n => n.Length > 0)
            .Select(n => $" {n} ").Distinct().ToList();
        foreach (var text in texts)
        {
            var normalized = $" {NameText.Normalize(text, registries.Actors.SpellingVariants)} ";
            normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldNotContain(w => TextMask.IsClaimWord(w), text);
            foreach (var name in spelled)
            {
                normalized.ShouldNotContain(name, Case.Sensitive, text);
            }

            foreach (var acronym in acronyms)
            {
                acronym.IsMatch(text).ShouldBeFalse($"{acronym} in: {text}");
            }
        }
    }
}
