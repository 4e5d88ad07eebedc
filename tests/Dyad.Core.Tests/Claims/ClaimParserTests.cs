using Dyad.Claims;
using Dyad.Testing;

namespace Dyad.Core.Tests.Claims;

/// <summary>
/// The claim parser on statements written for these tests in the manners claims are published and reported in:
/// Amaq's and al-Naba's formulas, Taliban spokesmen, news lines quoting them; numbers in words and digits, vague
/// counts, casualties split or not, several places, dates in the text, group names in Arabic script and Pashto,
/// denials, and each group blaming the other. Every field of every statement is checked.
/// </summary>
public sealed class ClaimParserTests
{
    private static readonly ClaimParser Parser = new(Registries.Actors, Registries.Gazetteer, Registries.Vocabulary);
    private static readonly DateOnly Statement = new(2019, 11, 15);

    /// <summary>What a statement should parse to (for a blame, the target is the group struck, not the group blamed: see <see cref="Idiom"/>). Null means the parser must leave the field empty.</summary>
    public sealed record Expected(
        string Text, ClaimStance Stance, string? Claimant, string? Target, int? Killed, int? Wounded, int? Both,
        string? Weapon, int? Count, string? Province, string? Date);

    public static TheoryData<Expected> Statements => new(
        // 1-10: Amaq's formula and its variations.
        new Expected("ISKP claimed killing and wounding 9 Taliban militants via two explosive devices in Kunar.", ClaimStance.Claim, "iskp", "taliban", null, null, 9, "explosive device", 2, "af/kunar", null),
        new Expected("Amaq: Islamic State fighters killed 4 Taliban members and wounded 7 others in clashes in Nangarhar.", ClaimStance.Claim, "iskp", "taliban", 4, 7, null, null, null, "af/nangarhar", null),
        new Expected("Islamic State Khorasan Province claimed responsibility for killing a Taliban leader in Jalalabad on October 31, 2019.", ClaimStance.Claim, "iskp", "taliban", 1, null, null, null, null, "af/nangarhar", "2019-10-31"),
        new Expected("ISKP claimed killing five Taliban fighters with an IED in Chapa Dara district.", ClaimStance.Claim, "iskp", "taliban", 5, null, null, "explosive device", 1, "af/kunar", null),
        new Expected("Wilayat Khurasan claims killing and wounding twenty-five Taliban in Korengal.", ClaimStance.Claim, "iskp", "taliban", null, null, 25, null, null, "af/kunar", null),
        new Expected("ISIS-K claimed the killing of 3 Afghan soldiers by sniper fire near Asadabad.", ClaimStance.Claim, "iskp", null, 3, null, null, "sniper", null, "af/kunar", null),
        new Expected("IS-K claimed a suicide bombing that killed 12 Taliban members in Kabul.", ClaimStance.Claim, "iskp", "taliban", 12, null, null, "suicide bombing", 1, "af/kabul", null),
        new Expected("Amaq said soldiers of the caliphate detonated a car bomb on a Taliban checkpoint in Achin, killing 6 and wounding 10.", ClaimStance.Claim, "iskp", "taliban", 6, 10, null, "car bomb", 1, "af/nangarhar", null),
        new Expected("The Islamic State claimed killing and wounding dozens of Taliban in Nangarhar.", ClaimStance.Claim, "iskp", "taliban", null, null, 24, null, null, "af/nangarhar", null),
        new Expected("ISKP claimed that its fighters killed several Taliban militants in an ambush in Kunar and Nangarhar.", ClaimStance.Claim, "iskp", "taliban", 3, null, null, "ambush", 1, "af/kunar", null),
        // 11-20: numbers in words and digits, bounds.
        new Expected("ISKP claimed killing at least 14 Taliban in Deh Bala.", ClaimStance.Claim, "iskp", "taliban", 14, null, null, null, null, "af/nangarhar", null),
        new Expected("ISKP claimed killing more than thirty Taliban in Kot district.", ClaimStance.Claim, "iskp", "taliban", 30, null, null, null, null, "af/nangarhar", null),
        new Expected("ISKP claimed that 11 Taliban were killed and 5 were wounded in Shinwar.", ClaimStance.Claim, "iskp", "taliban", 11, 5, null, null, null, "af/nangarhar", null),
        new Expected("ISKP claimed 2 Taliban commanders were killed by an explosive device in Khogyani.", ClaimStance.Claim, "iskp", "taliban", 2, null, null, "explosive device", 1, "af/nangarhar", null),
        new Expected("ISKP claimed a dozen Taliban dead in Kunar.", ClaimStance.Claim, "iskp", "taliban", 12, null, null, null, null, "af/kunar", null),
        new Expected("ISKP claimed killing one Taliban commander in Jalalabad.", ClaimStance.Claim, "iskp", "taliban", 1, null, null, null, null, "af/nangarhar", null),
        new Expected("ISKP claimed 40 casualties among the Taliban in Nangarhar.", ClaimStance.Claim, "iskp", "taliban", null, null, 40, null, null, "af/nangarhar", null),
        new Expected("ISKP claimed killing seventy-two Taliban in Achin.", ClaimStance.Claim, "iskp", "taliban", 72, null, null, null, null, "af/nangarhar", null),
        new Expected("ISKP claimed the attack, which left 8 Taliban dead, in Mohmand Dara.", ClaimStance.Claim, "iskp", "taliban", 8, null, null, null, null, "af/nangarhar", null),
        new Expected("ISKP claimed injuring 13 Taliban with two grenades in Kabul.", ClaimStance.Claim, "iskp", "taliban", null, 13, null, "grenade", 2, "af/kabul", null),
        // 21-30: dates in the text, several places, weapons.
        new Expected("On 14 November 2019 ISKP claimed killing and wounding 9 Taliban in Kunar.", ClaimStance.Claim, "iskp", "taliban", null, null, 9, null, null, "af/kunar", "2019-11-14"),
        new Expected("ISKP claimed on November 14th, 2019 the killing of 4 Taliban in Kunar.", ClaimStance.Claim, "iskp", "taliban", 4, null, null, null, null, "af/kunar", "2019-11-14"),
        new Expected("ISKP claimed killing 3 Taliban on 12 November in Narang.", ClaimStance.Claim, "iskp", "taliban", 3, null, null, null, null, "af/kunar", "2019-11-12"),
        new Expected("ISKP claimed attacks on 2019-11-10 in Nangarhar and Kunar that killed 7 Taliban.", ClaimStance.Claim, "iskp", "taliban", 7, null, null, null, null, "af/nangarhar", "2019-11-10"),
        new Expected("ISKP claimed killing 5 Taliban with rockets in Achin and Kot.", ClaimStance.Claim, "iskp", "taliban", 5, null, null, "rocket", null, "af/nangarhar", null),
        new Expected("ISKP claimed a magnetic bomb attack on a Taliban vehicle in Jalalabad that killed two.", ClaimStance.Claim, "iskp", "taliban", 2, null, null, "magnetic bomb", 1, "af/nangarhar", null),
        new Expected("ISKP claimed beheading 3 Taliban spies in Kunar.", ClaimStance.Claim, "iskp", "taliban", 3, null, null, "knife", null, "af/kunar", null),
        new Expected("ISKP claimed killing 6 Taliban with machine guns in Farah.", ClaimStance.Claim, "iskp", "taliban", 6, null, null, "firearms", null, "af/farah", null),
        new Expected("ISKP claimed killing 2 Taliban with three roadside bombs in Logar.", ClaimStance.Claim, "iskp", "taliban", 2, null, null, "explosive device", 3, "af/logar", null),
        new Expected("ISKP claimed an attack on the Taliban in Ningarhar province.", ClaimStance.Claim, "iskp", "taliban", null, null, null, null, null, "af/nangarhar", null),
        // 31-40: names in Arabic script, Pashto, other spellings.
        new Expected("ولاية خراسان claimed killing 4 Taliban in Kunar.", ClaimStance.Claim, "iskp", "taliban", 4, null, null, null, null, "af/kunar", null),
        new Expected("د خراسان ولایت claimed killing 7 Taliban in Nangarhar.", ClaimStance.Claim, "iskp", "taliban", 7, null, null, null, null, "af/nangarhar", null),
        new Expected("Daesh claimed killing 3 طالبان fighters in Konar.", ClaimStance.Claim, "iskp", "taliban", 3, null, null, null, null, "af/kunar", null),
        new Expected("ISIL-K claimed killing 2 Taleban in Nangarhar.", ClaimStance.Claim, "iskp", "taliban", 2, null, null, null, null, "af/nangarhar", null),
        new Expected("Islamic State - Khorasan Province claimed killing 10 members of the Islamic Emirate in Kunar.", ClaimStance.Claim, "iskp", "taliban", 10, null, null, null, null, "af/kunar", null),
        new Expected("Wilayat Khorasan claimed killing 3 members of the Haqqani Network in Khost.", ClaimStance.Claim, "iskp", "haqqani-network", 3, null, null, null, null, "af/khost", null),
        new Expected("ISKP claimed killing 2 TTP members in Bajaur.", ClaimStance.Claim, "iskp", "ttp", 2, null, null, null, null, "pk/fata", null),
        new Expected("ISPP claimed killing 2 policemen in Quetta.", ClaimStance.Claim, "ispp", null, 2, null, null, null, null, "pk/balochistan", null),
        new Expected("Islamic State Pakistan Province claimed the killing of 11 miners in Balochistan.", ClaimStance.Claim, "ispp", null, 11, null, null, null, null, "pk/balochistan", null),
        new Expected("ISKP claimed killing a Frontier Corps soldier in Peshawar.", ClaimStance.Claim, "iskp", "government-of-pakistan", 1, null, null, null, null, "pk/khyber-pakhtunkhwa", null),
        // 41-50: the Taliban's side: claims, denials, blame.
        new Expected("Zabihullah Mujahid said the Taliban killed 15 Daesh fighters in Achin.", ClaimStance.Claim, "taliban", "iskp", 15, null, null, null, null, "af/nangarhar", null),
        new Expected("The Taliban claimed killing 20 ISKP militants in Kunar.", ClaimStance.Claim, "taliban", "iskp", 20, null, null, null, null, "af/kunar", null),
        new Expected("The Taliban denied involvement in the bombing in Kabul.", ClaimStance.Denial, "taliban", null, null, null, null, "explosive device", null, "af/kabul", null),
        new Expected("A Taliban spokesman said the Taliban were not involved in the attack in Jalalabad.", ClaimStance.Denial, "taliban", null, null, null, null, null, null, "af/nangarhar", null),
        new Expected("The Taliban blamed ISKP for the attack on a mosque in Kabul that killed 9.", ClaimStance.Blame, "taliban", null, 9, null, null, null, null, "af/kabul", null),
        new Expected("ISKP blamed the Taliban for the killing of 5 civilians in Nangarhar.", ClaimStance.Blame, "iskp", null, 5, null, null, null, null, "af/nangarhar", null),
        new Expected("ISKP denied responsibility for the bombing in Kunar.", ClaimStance.Denial, "iskp", null, null, null, null, "explosive device", null, "af/kunar", null),
        new Expected("The Islamic Emirate rejected any involvement in the attack in Kandahar.", ClaimStance.Denial, "taliban", null, null, null, null, null, null, "af/kandahar", null),
        new Expected("The Taliban accused Daesh of killing 6 elders in Nangarhar.", ClaimStance.Blame, "taliban", null, 6, null, null, null, null, "af/nangarhar", null),
        new Expected("Voice of Jihad reported that the Taliban repelled an ISKP attack in Kunar, killing 8 attackers.", ClaimStance.Claim, "taliban", "iskp", 8, null, null, null, null, "af/kunar", null),
        // 51-60: passive voice, news lines, things the parser must leave empty.
        new Expected("Responsibility for the attack in Kunar was claimed by ISKP.", ClaimStance.Claim, "iskp", null, null, null, null, null, null, "af/kunar", null),
        new Expected("The bombing in Jalalabad, which killed 4 Taliban, was claimed by Islamic State Khorasan Province.", ClaimStance.Claim, "iskp", "taliban", 4, null, null, "explosive device", null, "af/nangarhar", null),
        new Expected("ISKP claimed an attack on the Taliban.", ClaimStance.Claim, "iskp", "taliban", null, null, null, null, null, null, null),
        new Expected("An unknown group claimed an attack in Kunar.", ClaimStance.Claim, null, null, null, null, null, null, null, "af/kunar", null),
        new Expected("Al-Naba reported that ISKP killed and wounded 30 Taliban in 2019 in Kunar.", ClaimStance.Claim, "iskp", "taliban", null, null, 30, null, null, "af/kunar", null),
        new Expected("Nashir published a statement saying ISKP killed 2 Taliban in Sarkani.", ClaimStance.Claim, "iskp", "taliban", 2, null, null, null, null, "af/kunar", null),
        new Expected("ISKP claimed killing 3 Taliban and wounding 4 in Chawkay on 30 October.", ClaimStance.Claim, "iskp", "taliban", 3, 4, null, null, null, "af/kunar", "2019-10-30"),
        new Expected("ISKP claimed that 5 Taliban were killed or injured in Kunar.", ClaimStance.Claim, "iskp", "taliban", null, null, 5, null, null, "af/kunar", null),
        new Expected("The TTP claimed killing 3 soldiers in North Waziristan.", ClaimStance.Claim, "ttp", null, 3, null, null, null, null, "pk/fata", null),
        new Expected("The Taliban claimed to have killed 2 ISKP commanders with a landmine in Nangarhar.", ClaimStance.Claim, "taliban", "iskp", 2, null, null, "mine", 1, "af/nangarhar", null),
        // 61-64: more of the same, for good measure.
        new Expected("ISKP claimed killing 19 Taliban in Dara-i-Pech.", ClaimStance.Claim, "iskp", "taliban", 19, null, null, null, null, "af/kunar", null),
        new Expected("Islamic State claimed killing and wounding 17 Taliban in Kunar province on 1 November 2019.", ClaimStance.Claim, "iskp", "taliban", null, null, 17, null, null, "af/kunar", "2019-11-01"),
        new Expected("The Taliban said they killed 9 members of Islamic State Khorasan Province in Kunar.", ClaimStance.Claim, "taliban", "iskp", 9, null, null, null, null, "af/kunar", null),
        new Expected("ISKP claimed executing a Taliban spy in Nangarhar.", ClaimStance.Claim, "iskp", "taliban", 1, null, null, null, null, "af/nangarhar", null));

    [Theory]
    [MemberData(nameof(Statements))]
    public void Reads_every_field_of_a_statement(Expected expected)
    {
        var claim = Parser.Parse(expected.Text, Statement).Claim;

        var actual = new Expected(expected.Text, claim.Stance, claim.ClaimantId, claim.TargetId, claim.Killed, claim.Wounded, claim.KilledOrWounded,
            claim.Weapon, claim.WeaponCount, claim.Admin1Id, claim.EventDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        actual.ShouldBe(expected);
    }

    /// <summary>What a statement in a movement's own idiom should parse to: who speaks, whom it struck, whom it blames, which community.</summary>
    public sealed record InIdiom(string Text, ClaimStance Stance, string? Claimant, string? Target, string? Accused, string? Community, int? Killed, string? Province);

    /// <summary>
    /// Written for these tests in the movements' own manner (the speaker's words for itself and its enemies, not the
    /// first group named), and news lines that blame: the group blamed is the accused, never the target.
    /// </summary>
    public static TheoryData<InIdiom> Idiom => new(
        new InIdiom("Soldiers of the Caliphate targeted a gathering of the apostate Taliban militia in Achin district, killing 7 of them.", ClaimStance.Claim, "iskp", "taliban", null, null, 7, "af/nangarhar"),
        new InIdiom("The Islamic Emirate's spokesman said mujahideen killed 7 Daesh fighters in Jalalabad.", ClaimStance.Claim, "taliban", "iskp", null, null, 7, "af/nangarhar"),
        new InIdiom("Kharijites attacked a checkpoint in Nangarhar, the Islamic Emirate's spokesman said, and mujahideen slaughtered 3 of the Khawarij.", ClaimStance.Claim, "taliban", "iskp", null, null, 3, "af/nangarhar"),
        new InIdiom("The Islamic Emirate rejects any involvement in the explosion in Kabul.", ClaimStance.Denial, "taliban", null, null, null, null, "af/kabul"),
        new InIdiom("Zabihullah Mujahid said the mujahideen had no hand in the attack in Kunduz.", ClaimStance.Denial, "taliban", null, null, null, null, "af/kunduz"),
        new InIdiom("The Taliban accused Daesh of the bombing of a Hazara school in Kabul that killed 85.", ClaimStance.Blame, "taliban", null, "iskp", "Hazara", 85, "af/kabul"),
        new InIdiom("US officials blamed IS-K for the attack at the airport in Kabul.", ClaimStance.Blame, null, null, "iskp", null, null, "af/kabul"),
        new InIdiom("The Taliban blamed ISKP for the attack on a mosque in Kabul that killed 9.", ClaimStance.Blame, "taliban", null, "iskp", null, 9, "af/kabul"),
        new InIdiom("Soldiers of the Khilafah slaughtered 11 Rafidah in Kabul.", ClaimStance.Claim, "iskp", null, null, "Shia", 11, "af/kabul"),
        new InIdiom("Amaq: soldiers of the Caliphate attacked Sikh polytheists at a gurdwara in Kabul, killing 25.", ClaimStance.Claim, "iskp", null, null, "Sikh", 25, "af/kabul"),
        new InIdiom("The Taliban said they killed Khawarij in Jalalabad and Daesh has not commented.", ClaimStance.Claim, "taliban", "iskp", null, null, null, "af/nangarhar"),
        new InIdiom("Tehreek-e-Taliban Pakistan said its fighters killed 5 soldiers of the napak army in North Waziristan.", ClaimStance.Claim, "ttp", "government-of-pakistan", null, null, 5, "pk/fata"));

    [Theory]
    [MemberData(nameof(Idiom))]
    public void Reads_a_statement_in_its_movements_own_words(InIdiom expected)
    {
        var claim = Parser.Parse(expected.Text, Statement).Claim;

        new InIdiom(expected.Text, claim.Stance, claim.ClaimantId, claim.TargetId, claim.AccusedId, claim.TargetCommunity, claim.Killed, claim.Admin1Id).ShouldBe(expected);
    }

    [Fact]
    public void A_groups_name_is_never_read_as_a_place()
    {
        var claim = Parser.Parse("The Taliban said they killed Khawarij in Jalalabad and Daesh has not commented.", Statement).Claim;

        claim.Place.ShouldBe("Jalalabad");
    }

    [Fact]
    public void Without_the_vocabulary_the_idiom_is_not_read()
    {
        var plain = new ClaimParser(Registries.Actors, Registries.Gazetteer).Parse("Soldiers of the Khilafah slaughtered 11 Rafidah in Kabul.", Statement).Claim;

        plain.ClaimantId.ShouldBeNull();
        plain.TargetCommunity.ShouldBeNull();
    }

    [Fact]
    public void Says_what_it_could_not_find_and_what_it_read_as_a_lower_bound()
    {
        var notes = Parser.Parse("Somebody claimed killing dozens of people.", Statement).Notes;

        notes.ShouldContain("no group the registry knows speaks in it: set claimant=…");
        notes.ShouldContain("no place the gazetteer knows: set place=…");
        notes.ShouldContain("\"dozens of\" read as at least 24");
    }

    [Fact]
    public void Keeps_the_places_it_names_and_the_channel()
    {
        var claim = Parser.Parse("Amaq: ISKP killed 5 Taliban in Kunar and Nangarhar.", Statement).Claim;

        claim.Place.ShouldBe("Kunar; Nangarhar");
        claim.Channel.ShouldBe("Amaq");
        claim.StatementDate.ShouldBe(Statement);
    }

    [Fact]
    public void A_district_gives_its_province_and_itself()
    {
        var claim = Parser.Parse("ISKP claimed killing 2 Taliban in Chapa Dara.", Statement).Claim;

        (claim.Admin1Id, claim.Admin2Id).ShouldBe(("af/kunar", "af/kunar/chapa-dara"));
    }
}
