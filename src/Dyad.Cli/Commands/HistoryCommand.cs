using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class HistorySettings : StoreJsonSettings
{
    [CommandArgument(0, "<EVENT>")]
    [Description("The event: the store's id, or DATASET:ID (ucdp-ged:300380).")]
    public string Event { get; init; } = "";
}

/// <summary>What each import that reported an event said of it, oldest first, and what each changed.</summary>
public sealed class HistoryCommand(CliOutput output) : AsyncCommand<HistorySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var id = store.FindEvent(settings.Event) ?? store.FindWithdrawnEvent(settings.Event)
            ?? throw new DyadException(DyadErrorKind.NotFound, $"No event '{settings.Event}' in {settings.Db}: name it by the id 'dyad events' shows, or as DATASET:ID.");
        var versions = HistoryView.Of(store.History(id));
        output.Result(settings.Json, new { Event = id, Versions = versions }, () =>
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"Event {id}: {versions.Count} version(s)")
                .AddColumn("Import").AddColumn("File").AddColumn("Release").AddColumn("Status").AddColumn("Date").AddColumn("Deaths")
                .AddColumn("Actors").AddColumn("Changed from the version before");
            foreach (var v in versions)
            {
                var status = v.Change == "current" ? "[green]current[/]" : $"{v.Change} by import {v.SupersededBy}";
                table.AddRow(
                    $"{v.Import}", Markup.Escape(v.File), Markup.Escape(v.Release ?? ""), status, v.Event.DateStart,
                    $"{v.Event.DeathsBest?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}",
                    Markup.Escape($"{v.Event.Actor1} / {v.Event.Actor2}"), Markup.Escape(string.Join(", ", v.Changed)));
            }

            output.Console.Write(table);
        });
        return Task.FromResult(ExitCodes.Success);
    }
}
