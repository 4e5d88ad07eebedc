using Dyad.Claims;
using Dyad.Testing;

namespace Dyad.Core.Tests.Claims;

/// <summary>The movements' idiom is data: it ships with its sources, a user's layer adds to it, and a broken layer is named.</summary>
public sealed class ClaimVocabularyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_shipped_vocabulary_names_its_sources_and_the_words_of_each_movement()
    {
        var vocabulary = Registries.Vocabulary;

        vocabulary.Speakers.Select(s => s.Group).ShouldBe(["Islamic State", "Taliban", "TTP"]);
        vocabulary.Speakers.ShouldAllBe(s => !string.IsNullOrWhiteSpace(s.Source));
        vocabulary.GroupNamed("Khawarij").ShouldBe("IS-K");
        vocabulary.GroupNamed("kharijites").ShouldBe("IS-K");
        vocabulary.IsEnemyWord("apostate").ShouldBeTrue();
        vocabulary.SpeakerIn("Soldiers  of the\nCaliphate attacked …")?.Group.ShouldBe("Islamic State");
        vocabulary.CommunityIn("an attack on Rafidah in Kabul").ShouldBe("Shia");
        vocabulary.CommunityIn("a Hazara school").ShouldBe("Hazara");
        vocabulary.CommunityIn("the Shiraz road").ShouldBeNull("words match whole");
    }

    [Fact]
    public void A_users_layer_adds_to_a_movement_and_adds_movements()
    {
        var user = _folder.Write("idiom.json", """
            {"speakers": [
              {"group": "Taliban", "names": [{"term": "Daeshi Khawarij", "group": "IS-K"}]},
              {"group": "al-Shabaab", "self": ["Harakat al-Shabaab al-Mujahideen"], "enemy_words": ["murtadiin"]}
            ],
             "communities": {"terms": [{"term": "Yazidi", "community": "Yazidi"}]}}
            """);

        var merged = ClaimVocabulary.Load([Path.Combine(SharedData.RepositoryRoot, "data", "registry", "idiom.json"), user]);

        merged.Speakers.Count.ShouldBe(4);
        merged.GroupNamed("Daeshi Khawarij").ShouldBe("IS-K");
        merged.GroupNamed("Khawarij").ShouldBe("IS-K");
        merged.SpeakerIn("Harakat al-Shabaab al-Mujahideen said …")?.Group.ShouldBe("al-Shabaab");
        merged.CommunityIn("Yazidi villagers").ShouldBe("Yazidi");
    }

    [Fact]
    public void A_broken_layer_is_named_with_what_is_wrong()
    {
        var noMeaning = _folder.Write("idiom.json", """{"speakers": [{"group": "Taliban", "names": [{"term": "Khawarij"}]}]}""");
        var notJson = _folder.Write("broken.json", "{ speakers: ");

        Should.Throw<DyadException>(() => ClaimVocabulary.Load([noMeaning])).Message.ShouldBe(
            $"{noMeaning}: every term needs \"term\" and what it means, a \"group\" or a \"community\" (\"Khawarij\").");
        var broken = Should.Throw<DyadException>(() => ClaimVocabulary.Load([notJson]));
        broken.Kind.ShouldBe(DyadErrorKind.BadInput);
        broken.File.ShouldBe(notJson);
    }
}
