using System.ComponentModel;
using Dyad.App;
using Dyad.App.Fetching;
using Dyad.Cli.Hosting;
using Dyad.Connectors.Acled;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Fetch;

public sealed class FetchAcledSettings : StoreJsonSettings
{
    [CommandOption("--country <COUNTRY>")]
    [Description("The country, as ACLED names it (Afghanistan, Pakistan).")]
    public string? Country { get; init; }

    [CommandOption("--since <DATE>")]
    [Description("Events from this day (yyyy-MM-dd); without it, what changed since the last fetch of the country (all of it the first time), and ACLED's deletions since.")]
    public string? Since { get; init; }

    [CommandOption("--url <URL>")]
    [Description("ACLED's address, for a mirror; defaults to acleddata.com.")]
    public string? Url { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Country) ? ValidationResult.Error("--country is needed: ACLED is fetched a country at a time.")
        : Url is not null && !Uri.TryCreate(Url, UriKind.Absolute, out _) ? ValidationResult.Error($"--url {Url}: not an absolute address.")
        : DayOption.Validate(("--since", Since));
}

/// <summary>
/// Fetches a country's ACLED events with the user's account into a CSV beside the store and imports it: new events
/// added, revised ones updated with their history kept, and the events ACLED deleted withdrawn.
/// </summary>
public sealed class FetchAcledCommand(CliOutput output) : AsyncCommand<FetchAcledSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FetchAcledSettings settings, CancellationToken cancellationToken)
    {
        var account = DatasetFetch.AcledAccount();
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.OpenOrCreate(settings.Db);
        var site = settings.Url is { } url ? new Uri(url.TrimEnd('/') + "/") : null;
        var (fetch, outcome) = await DatasetFetch.Acled(store, registries, DatasetFetch.FolderFor(settings.Db), account,
            new AcledFetchRequest(settings.Country!, DayOption.Parse(settings.Since)), site, cancellationToken);
        output.Result(settings.Json, new { Fetch = fetch with { Deleted = [] }, DeletedByAcled = fetch.Deleted.Count, Import = outcome.ToJson() }, () =>
        {
            output.Console.MarkupLine(
                $"Fetched ACLED {Markup.Escape(fetch.Country)}: {fetch.Events:N0} events in {fetch.Pages:N0} page(s), {fetch.PagesFetched:N0} fetched now and {fetch.PagesKept:N0} kept from before; " +
                $"ACLED lists {fetch.Deleted.Count:N0} deletion(s).");
            Rendering.ImportRenderer.Render(output.Console, [outcome], settings.Db);
        });
        return ExitCodes.Success;
    }
}
