using Dyad.Attribution.Features;
using Dyad.Testing;

namespace Dyad.Attribution.Tests.Features;

public sealed class TextMaskTests
{
    private static readonly TextMask Mask = new(Registries.Actors.Actors.SelectMany(a => a.Names.Select(n => n.Name)), Registries.Actors.SpellingVariants);

    [Fact]
    public void Should_take_out_group_names_in_any_spelling_and_script_and_keep_the_rest()
    {
        var masked = Mask.Apply("03/14/2021: Taleban fighters and Da'esh militants of the Khorasan Chapter of the Islamic State attacked a girls' school in Dasht-e-Barchi; داعش was there too");

        masked.ShouldBe("fighters and militants of the attacked a girls' school in Dasht e Barchi was there too");
    }

    [Fact]
    public void Should_take_out_a_short_name_only_in_capitals()
    {
        Mask.Apply("IS fighters struck a shrine. The shrine is old. Is it? IS's men fled.").ShouldBe("fighters struck a shrine The shrine is old Is it men fled");
    }

    [Fact]
    public void Should_drop_every_sentence_of_claim_or_blame()
    {
        var masked = Mask.Apply("A suicide bomber struck a Shia mosque. No group claimed responsibility for the incident; however, sources attributed the attack to an unnamed group. Officials blamed rivals! The spokesman said nothing.");

        masked.ShouldBe("A suicide bomber struck a Shia mosque");
    }

    [Fact]
    public void Should_take_out_the_events_own_perpetrator_names_the_registry_does_not_know()
    {
        Mask.Apply("The Invented Liberation Front attacked a checkpoint of the Frontier Corps.", ["Invented Liberation Front"])
            .ShouldBe("The attacked a checkpoint of the");
    }

    [Fact]
    public void Should_say_whom_and_what_an_attack_struck()
    {
        TargetDescription.Community("A suicide bomber struck a school in a Hazara neighbourhood", []).ShouldBe("Hazara");
        TargetDescription.Kind("A suicide bomber struck a school in a Hazara neighbourhood", []).ShouldBe("school or students");
        TargetDescription.Community(null, ["Place of Worship"]).ShouldBe("");
        TargetDescription.Kind(null, ["Place of Worship"]).ShouldBe("mosque or place of worship");
        TargetDescription.Kind("assailants killed a polio vaccination worker", []).ShouldBe("polio or health workers");
        TargetDescription.Community("gunmen opened fire on a Sikh gurdwara", []).ShouldBe("Sikh or Hindu");
    }
}
