using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class BackupSettings : StoreJsonSettings
{
    [CommandOption("--out <FILE>")]
    [Description("The backup to make: a new file (an existing one is never overwritten).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() => Out is null ? ValidationResult.Error("--out FILE is required.") : ValidationResult.Success();
}

/// <summary>Copies the whole store, consistently, into a new file that 'dyad restore' makes a store of again.</summary>
public sealed class BackupCommand(CliOutput output) : AsyncCommand<BackupSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, BackupSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var bytes = store.BackupTo(settings.Out!);
        output.Result(settings.Json, new { Backup = settings.Out, Bytes = bytes }, () =>
            output.Console.MarkupLine($"Backed up {Markup.Escape(settings.Db)} to [bold]{Markup.Escape(settings.Out!)}[/] ({bytes / 1_048_576.0:N1} MB); 'dyad restore {Markup.Escape(settings.Out!)} --db NEW' makes a store of it."));
        return Task.FromResult(ExitCodes.Success);
    }
}
