using System.ComponentModel;
using Dyad.App;
using Dyad.App.Records;
using Dyad.App.Views;
using Dyad.Claims;
using Dyad.Cli.Commands.Sources;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Claims;

/// <summary>The store's claims, denials and blame, with their sources.</summary>
public sealed class ClaimsListCommand(CliOutput output) : AsyncCommand<SourcesListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SourcesListSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var sources = store.Sources().ToDictionary(s => s.Id);
        var claims = store.Claims();
        output.Result(settings.Json, new { Claims = claims.Select(c => ClaimView.Claim(c, sources[c.SourceId], settings.Protected)) },
            () => ClaimRenderer.RenderList(output.Console, claims, sources, settings.Protected));
        return Task.FromResult(ExitCodes.Success);
    }
}

public sealed class ClaimsShowSettings : SourcesListSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The claim's id ('dyad claims list').")]
    public int Id { get; init; }
}

/// <summary>One claim: what it says, its source, the events it may be about, statements that compete with it, and its changes.</summary>
public sealed class ClaimsShowCommand(CliOutput output) : AsyncCommand<ClaimsShowSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ClaimsShowSettings settings, CancellationToken cancellationToken)
    {
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var claim = store.FindClaim(settings.Id) ?? throw new DyadException(DyadErrorKind.NotFound, $"No claim {settings.Id} in {settings.Db} ('dyad claims list').");
        var source = store.FindSource(claim.SourceId.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        var evidence = ClaimEvidenceSearch.For(store, store, new ClaimMatcher(registries.Actors), claim);
        var recorded = new ClaimRecording.Recorded(evidence, []);
        output.Result(settings.Json, ClaimView.Of(recorded, source, settings.Protected), () =>
        {
            ClaimRenderer.Render(output.Console, recorded, source, settings.Protected, stored: true);
            foreach (var change in store.Changes("claim", claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                output.Console.MarkupLine($"[grey]{change.At:yyyy-MM-dd HH:mm} {Markup.Escape(change.By)}: {change.Action}[/]");
            }
        });
        return Task.FromResult(ExitCodes.Success);
    }
}

public sealed class ClaimsSetSettings : StoreJsonSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The claim's id.")]
    public int Id { get; init; }

    [CommandArgument(1, "<FIELD=VALUE>")]
    [Description("The corrections, e.g. killed=4 place=\"Chapa Dara\" (an empty value clears a field).")]
    public string[] Assignments { get; init; } = [];
}

/// <summary>Corrects a stored claim's fields; the old values are kept in the record of changes.</summary>
public sealed class ClaimsSetCommand(CliOutput output) : AsyncCommand<ClaimsSetSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ClaimsSetSettings settings, CancellationToken cancellationToken)
    {
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var (claim, source) = ClaimRecording.Correct(store, registries, ClaimRecording.Find(store, settings.Id), settings.Assignments, Environment.UserName);
        output.Result(settings.Json, ClaimView.Claim(claim, source, showProtected: true),
            () => output.Console.MarkupLine($"Claim {claim.Id} corrected; 'dyad claims show {claim.Id}' shows it with its history."));
        return Task.FromResult(ExitCodes.Success);
    }
}
