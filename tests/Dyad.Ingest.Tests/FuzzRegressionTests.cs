using Dyad.Claims;
using Dyad.Testing;

namespace Dyad.Ingest.Tests;

/// <summary>
/// Every input kept in fuzz/regressions — what scripts/fuzz.sh found, minimised, and hand-made hostile files — is read
/// without a crash: a file is imported row by row or refused with Dyad's message, and a claim's text is parsed.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static string Folder(string target) => Path.Combine(SharedData.RepositoryRoot, "fuzz", "regressions", target);

    public static TheoryData<string> ImportInputs => [.. Directory.GetFiles(Folder("import")).Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> ClaimInputs => [.. Directory.GetFiles(Folder("claims")).Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(ImportInputs))]
    public void Should_Import_Or_Refuse_A_Hostile_File_Without_Crashing(string name)
    {
        var path = Path.Combine(Folder("import"), name);
        try
        {
            var read = FileRead.Of(path);
            read.Rejects.ShouldAllBe(r => r.Reason.Length > 0 && r.Row >= 2, "every reject says why and names a data row");
        }
        catch (DyadException refused)
        {
            refused.Message.ShouldContain(path, customMessage: "a refusal names the file");
        }
    }

    [Theory]
    [MemberData(nameof(ClaimInputs))]
    public void Should_Parse_A_Hostile_Claim_Without_Crashing(string name)
    {
        var parser = new ClaimParser(Registries.Actors, Registries.Gazetteer);

        var parsed = parser.Parse(File.ReadAllText(Path.Combine(Folder("claims"), name)), new DateOnly(2021, 8, 26));

        parsed.Claim.ShouldNotBeNull();
    }
}
