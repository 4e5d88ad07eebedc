using Dyad.App.Views;
using Dyad.Sources;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Sources for people and machines. A source the reader may not see is shown by its code, kind and grade only.</summary>
internal static class SourceRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<Source> sources, bool showProtected)
    {
        if (sources.Count == 0)
        {
            console.MarkupLine("No source yet: [bold]dyad sources add --code CODE --type TYPE …[/] adds one.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Code").AddColumn("Type").AddColumn("Grade").AddColumn("Protection").AddColumn("Cited as");
        foreach (var source in sources)
        {
            table.AddRow(Markup.Escape(source.Code), SourceFields.Word(source.Type), source.Grade ?? "–", SourceFields.Word(source.Protection),
                Markup.Escape(ChicagoNote.For(source, showProtected).Replace("*", "", StringComparison.Ordinal)));
        }

        console.Write(table);
        if (!showProtected && sources.Any(s => !s.IsOpen))
        {
            console.MarkupLine("[grey]Protected and restricted sources are cited by code; --protected shows them.[/]");
        }
    }
}
