using System.ComponentModel;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class RejectsSettings : StoreJsonSettings
{
    [CommandOption("--limit <N>")]
    [Description("At most this many rows.")]
    public int? Limit { get; init; }
}

public sealed class RejectsCommand(CliOutput output) : AsyncCommand<RejectsSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RejectsSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var rejects = store.Rejects(settings.Limit);
        if (settings.Json)
        {
            DyadJson.Write(output.Data, new { Rejects = rejects });
            return Task.FromResult(ExitCodes.Success);
        }

        if (rejects.Count == 0)
        {
            output.Console.MarkupLine("No rejected rows: every row read was imported or was a duplicate.");
            return Task.FromResult(ExitCodes.Success);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("File").AddColumn(new TableColumn("Row").RightAligned())
            .AddColumn("Column").AddColumn("Reason");
        foreach (var reject in rejects)
        {
            table.AddRow(Markup.Escape(Path.GetFileName(reject.File)), $"{reject.Row:N0}", Markup.Escape(reject.Column ?? "–"), Markup.Escape(reject.Reason));
        }

        output.Console.Write(table);
        output.Console.MarkupLine($"{rejects.Count:N0} rejected row(s). [bold]--json[/] shows each with its verbatim row.");
        return Task.FromResult(ExitCodes.Success);
    }
}
