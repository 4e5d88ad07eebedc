using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>The idiom an analyst extends: a term added goes to their layer, reads back, and one term never means two groups.</summary>
public sealed class VocabularyCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_term_added_goes_to_the_users_layer_and_is_listed_with_the_shipped_ones()
    {
        var registry = _folder.Write("actors.json", File.ReadAllText(Registries.ActorsPath));

        var added = await CliRun.Of("vocab", "add", "name", "Daeshi Khawarij", "--speaker", "Taliban", "--means", "IS-K", "--registry", registry);
        var community = await CliRun.Of("vocab", "add", "community", "Hazaras of Kabul", "--means", "Hazara", "--registry", registry);
        var list = await CliRun.Of("vocab", "list", "--json", "--registry", registry);

        added.ExitCode.ShouldBe(0, added.Errors);
        community.ExitCode.ShouldBe(0, community.Errors);
        File.Exists(_folder.File("idiom.json")).ShouldBeTrue("beside the registry named");
        var json = JsonDocument.Parse(list.Data).RootElement;
        var taliban = json.GetProperty("speakers").EnumerateArray().Single(s => s.GetProperty("group").GetString() == "Taliban");
        taliban.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ShouldContain("Daeshi Khawarij");
        taliban.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ShouldContain("Khawarij");
        json.GetProperty("communities").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ShouldContain("Hazaras of Kabul");
    }

    [Fact]
    public async Task A_term_that_already_means_another_group_or_a_group_the_registry_lacks_is_refused()
    {
        var twice = await CliRun.Of("vocab", "add", "name", "Khawarij", "--speaker", "Taliban", "--means", "Taliban");
        var unknown = await CliRun.Of("vocab", "add", "self", "Harakat", "--speaker", "No Such Movement");

        twice.ExitCode.ShouldBe(4);
        twice.Errors.ShouldContain("'Khawarij' already means IS-K");
        unknown.ExitCode.ShouldBe(2);
        unknown.Errors.ShouldContain("'No Such Movement' is no actor in the registry");
        File.Exists(Path.Combine(IsolatedUserFolder.Path, "registry", "idiom.json")).ShouldBeFalse();
    }
}
