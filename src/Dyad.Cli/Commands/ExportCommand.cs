using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class ExportSettings : StoreJsonSettings
{
    [CommandOption("--out <FOLDER>")]
    [Description("A new (or empty) folder to write the store into.")]
    public string? Out { get; init; }

    [CommandOption("--protected")]
    [Description("Write protected and restricted sources whole; without it they are written as their code, kind and grade only.")]
    public bool Protected { get; init; }

    public override ValidationResult Validate() => Out is null ? ValidationResult.Error("--out FOLDER is required.") : ValidationResult.Success();
}

/// <summary>Writes a whole store into a folder another Dyad imports with 'dyad import FOLDER': events as Parquet, records as JSON.</summary>
public sealed class ExportCommand(CliOutput output) : AsyncCommand<ExportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var report = DuckDbEventStore.Required(store, "export to a folder").ExportTo(settings.Out!, settings.Protected);
        output.Result(settings.Json, report, () =>
        {
            output.Console.MarkupLine($"Exported {report.Events:N0} events from {report.Imports:N0} file(s), {report.Sources:N0} source(s), {report.Claims:N0} claim(s) " +
                $"and {report.Decisions:N0} link decision(s) to [bold]{Markup.Escape(settings.Out!)}[/]; 'dyad import {Markup.Escape(settings.Out!)}' reads it into another store.");
            if (report.ProtectedWithheld > 0)
            {
                output.Console.MarkupLine($"{report.ProtectedWithheld:N0} protected or restricted source(s) written as their code only; --protected writes them whole.");
            }
        });
        return Task.FromResult(ExitCodes.Success);
    }
}
