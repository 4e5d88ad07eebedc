using System.ComponentModel;
using Dyad.App;
using Dyad.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Vocabulary;

/// <summary>The movements' idiom as the claim parser reads it: every term, what it is and what it means.</summary>
public sealed class VocabularyListCommand(CliOutput output) : AsyncCommand<RegistryJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RegistryJsonSettings settings, CancellationToken cancellationToken)
    {
        var vocabulary = RegistryFiles.LoadVocabulary(settings.Registry);
        var rows = vocabulary.Speakers.SelectMany(s =>
                s.Self.Select(t => (Speaker: s.Group, Kind: "its own name", Term: t, Means: s.Group))
                    .Concat(s.EnemyWords.Select(t => (s.Group, "a word for its enemies", t, "")))
                    .Concat(s.Names.Select(n => (s.Group, "its name for", n.Text, n.Group ?? n.Community ?? ""))))
            .Concat(vocabulary.Communities.Select(c => (Speaker: "", Kind: "a community", Term: c.Text, Means: c.Community ?? "")))
            .ToList();
        output.Result(settings.Json, new { Speakers = vocabulary.Speakers, vocabulary.Communities, Files = RegistryFiles.VocabularyLayers(settings.Registry) }, () =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Movement").AddColumn("Term").AddColumn("Is").AddColumn("Means");
            foreach (var (speaker, kind, term, means) in rows)
            {
                table.AddRow(Markup.Escape(speaker), Markup.Escape(term), kind, Markup.Escape(means));
            }

            output.Console.Write(table);
            output.Console.MarkupLine($"{rows.Count} terms in {Markup.Escape(string.Join(" + ", RegistryFiles.VocabularyLayers(settings.Registry)))}.");
        });
        return Task.FromResult(ExitCodes.Success);
    }
}

public sealed class VocabularyAddSettings : RegistrySettings
{
    [CommandArgument(0, "<KIND>")]
    [Description("self (a movement's name for itself), enemy-word (a word it puts on its enemies), name (its name for another group) or community (a word for the community struck).")]
    public string Kind { get; init; } = "";

    [CommandArgument(1, "<TERM>")]
    [Description("The term, as statements write it.")]
    public string Term { get; init; } = "";

    [CommandOption("--speaker <GROUP>")]
    [Description("The movement whose idiom it is, as the registry names it (Taliban, Islamic State, TTP …); not for a community.")]
    public string? Speaker { get; init; }

    [CommandOption("--means <WHAT>")]
    [Description("For a name, the group it means (as the registry names it); for a community, the community (Shia, Hazara, Sikh …).")]
    public string? Means { get; init; }

    public override ValidationResult Validate() =>
        Kinds.ContainsKey(Kind.ToLowerInvariant()) ? ValidationResult.Success() : ValidationResult.Error($"'{Kind}' is not a kind of term: self, enemy-word, name or community.");

    internal static readonly Dictionary<string, VocabularyKind> Kinds = new(StringComparer.Ordinal)
    {
        ["self"] = VocabularyKind.Self,
        ["enemy-word"] = VocabularyKind.EnemyWord,
        ["name"] = VocabularyKind.Name,
        ["community"] = VocabularyKind.Community,
    };
}

/// <summary>Adds a term to the idiom in the user's layer (see <see cref="VocabularyTerms"/>).</summary>
public sealed class VocabularyAddCommand(CliOutput output) : AsyncCommand<VocabularyAddSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, VocabularyAddSettings settings, CancellationToken cancellationToken)
    {
        var path = VocabularyTerms.Add(settings.Registry, VocabularyAddSettings.Kinds[settings.Kind.ToLowerInvariant()], settings.Term, settings.Speaker, settings.Means);
        output.Console.MarkupLine($"Added [bold]{Markup.Escape(settings.Term)}[/] to the idiom in {Markup.Escape(path)}; claims recorded from now on read it.");
        return Task.FromResult(ExitCodes.Success);
    }
}
