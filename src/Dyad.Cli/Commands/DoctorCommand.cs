using Dyad.App.Configuration;
using Dyad.App.Diagnostics;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Dyad.Store.PostgreSql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

/// <summary>Checks what Dyad needs on this machine and says how to fix what is missing; exit 0 only when all is well.</summary>
public sealed class DoctorCommand(CliOutput output) : AsyncCommand<StoreJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, StoreJsonSettings settings, CancellationToken cancellationToken)
    {
        var checks = Doctor.Run(settings.Db);
        var ok = checks.All(c => c.Ok);
        var store = EventStores.IsPostgres(settings.Db) ? PostgresAddress.Redacted(settings.Db) : settings.Db;
        output.Result(settings.Json, new
        {
            Version = DyadVersion.Full,
            Program = AppContext.BaseDirectory,
            Shipped = DyadFolders.Shipped,
            User = DyadFolders.User,
            Store = store,
            StoreOrigin = settings.StoreChoice.Origin,
            Checks = checks,
            Ok = ok,
        }, () =>
        {
            var console = output.Console;
            console.MarkupLine($"[bold]Dyad {Markup.Escape(DyadVersion.Text)}[/] in {Markup.Escape(AppContext.BaseDirectory)}");
            console.MarkupLine($"Shipped data: {Markup.Escape(DyadFolders.Shipped)}   Your folder: {Markup.Escape(DyadFolders.User)}");
            console.MarkupLine($"Store: {Markup.Escape(store)} [grey]({Markup.Escape(settings.StoreChoice.Origin)})[/]");
            var table = new Table().Border(TableBorder.Rounded).AddColumns("", "Check", "What Dyad found");
            if (!ok)
            {
                table.AddColumn("How to fix it");
            }

            foreach (var check in checks)
            {
                string[] cells = [check.Ok ? "[green]ok[/]" : "[red]missing[/]", Markup.Escape(check.Name), Markup.Escape(check.Detail), Markup.Escape(check.Fix ?? "")];
                table.AddRow(ok ? cells[..3] : cells);
            }

            console.Write(table);
            console.MarkupLine(ok ? "[green]All is well.[/]" : $"[red]{checks.Count(c => !c.Ok)} of {checks.Count} checks need attention.[/]");
        });
        return Task.FromResult(ok ? ExitCodes.Success : ExitCodes.NotReady);
    }
}
