using System.ComponentModel;
using Dyad.App.Records;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Sources;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Sources;

public sealed class SourcesAddSettings : StoreJsonSettings
{
    [CommandOption("--code <CODE>")]
    [Description("Your short name for the source, one word, unique in the store (AMAQ-2019-11-14, ISK-30).")]
    public string? Code { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("dataset, news-agency, official-statement, interview, propaganda-outlet, social-media, report, book or article.")]
    public string? Type { get; init; }

    [CommandOption("--author <TEXT>")]
    public string? Author { get; init; }

    [CommandOption("--title <TEXT>")]
    [Description("The title; for an interview, who was interviewed, as you cite them (\"IS-K 30, cadre, Farah\").")]
    public string? Title { get; init; }

    [CommandOption("--publisher <TEXT>")]
    [Description("The publisher, journal, outlet or agency (Amaq News Agency, Dabiq).")]
    public string? Publisher { get; init; }

    [CommandOption("--published <TEXT>")]
    [Description("When, as the source gives it (2019; 14 November 2019; Rabi' al-Awwal 1436).")]
    public string? Published { get; init; }

    [CommandOption("--url <URL>")]
    public string? Url { get; init; }

    [CommandOption("--accessed <DATE>")]
    [Description("When you accessed it (yyyy-MM-dd).")]
    public string? Accessed { get; init; }

    [CommandOption("--accessed-via <TEXT>")]
    [Description("Where you found it, if not where it was published (a live map, a social-media account).")]
    public string? AccessedVia { get; init; }

    [CommandOption("--language <LANG>")]
    public string? Language { get; init; }

    [CommandOption("--translated-from <LANG>")]
    public string? TranslatedFrom { get; init; }

    [CommandOption("--pages <PAGES>")]
    public string? Pages { get; init; }

    [CommandOption("--grade <GRADE>")]
    [Description("Reliability A-F and credibility 1-6, e.g. B2 (either may be ?).")]
    public string? Grade { get; init; }

    [CommandOption("--protection <LEVEL>")]
    [Description("public (default), restricted or protected: a protected source's identity is shown only with --protected, and cited by its code elsewhere.")]
    public string Protection { get; init; } = "public";

    [CommandOption("--notes <TEXT>")]
    public string? Notes { get; init; }

    public override ValidationResult Validate() => ToInput().Problem(field => "--" + field) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();

    public SourceInput ToInput() => new()
    {
        Code = Code,
        Type = Type,
        Author = Author,
        Title = Title,
        Publisher = Publisher,
        Published = Published,
        Url = Url,
        Accessed = Accessed,
        AccessedVia = AccessedVia,
        Language = Language,
        TranslatedFrom = TranslatedFrom,
        Pages = Pages,
        Grade = Grade,
        Protection = Protection,
        Notes = Notes,
    };
}

/// <summary>Adds a source to the store's register, recorded with the user and time.</summary>
public sealed class SourcesAddCommand(CliOutput output) : AsyncCommand<SourcesAddSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SourcesAddSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.OpenOrCreate(settings.Db);
        var source = store.AddSource(settings.ToInput().ToSource(), Environment.UserName);
        output.Result(settings.Json, SourceView.Of(source, showProtected: true), () =>
        {
            output.Console.MarkupLine($"Source [bold]{Markup.Escape(source.Code)}[/] added. It will be cited as:");
            output.Console.WriteLine("  " + ChicagoNote.For(source, showProtected: true));
        });
        return Task.FromResult(ExitCodes.Success);
    }
}
