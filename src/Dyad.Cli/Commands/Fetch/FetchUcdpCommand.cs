using System.ComponentModel;
using Dyad.App;
using Dyad.App.Fetching;
using Dyad.Cli.Hosting;
using Dyad.Connectors.Ucdp;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Fetch;

public sealed class FetchUcdpSettings : StoreJsonSettings
{
    /// <summary>The GED release fetched when none is named.</summary>
    public const string LatestRelease = "25.1";

    [CommandOption("--version <VERSION>")]
    [Description("The GED release (" + LatestRelease + " unless named), or with --candidate a monthly candidate release such as 25.0.9.")]
    public string? Version { get; init; }

    [CommandOption("--candidate")]
    [Description("Fetch a candidate release (UCDP's monthly events), named with --version.")]
    public bool Candidate { get; init; }

    [CommandOption("--country <CODE>")]
    [Description("Only this country, by its Gleditsch-Ward code as the API takes it: 700 Afghanistan, 770 Pakistan.")]
    public string? Country { get; init; }

    [CommandOption("--url <URL>")]
    [Description("The API's address, for a mirror; defaults to UCDP's own.")]
    public string? Url { get; init; }

    public override ValidationResult Validate() =>
        Candidate && Version is null ? ValidationResult.Error("--candidate needs --version, the candidate release to fetch (such as 25.0.9).")
        : Url is not null && !Uri.TryCreate(Url, UriKind.Absolute, out _) ? ValidationResult.Error($"--url {Url}: not an absolute address.")
        : ValidationResult.Success();
}

/// <summary>
/// Fetches UCDP GED events from the UCDP API into a CSV beside the store, then imports it as that release: new events
/// added, revised ones updated with their history kept, and, for the release's span and countries, the events it no
/// longer has withdrawn. Interrupted, it goes on from the first page it lacks.
/// </summary>
public sealed class FetchUcdpCommand(CliOutput output) : AsyncCommand<FetchUcdpSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FetchUcdpSettings settings, CancellationToken cancellationToken)
    {
        var token = DatasetFetch.UcdpToken();
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.OpenOrCreate(settings.Db);
        var api = settings.Url is { } url ? new Uri(url.TrimEnd('/') + "/") : null;
        var (fetch, import) = await DatasetFetch.Ucdp(store, registries, DatasetFetch.FolderFor(settings.Db), token,
            new UcdpFetchRequest(settings.Version ?? FetchUcdpSettings.LatestRelease, settings.Country), api, cancellationToken);
        output.Result(settings.Json, new { Fetch = fetch, Import = import.ToJson() }, () =>
        {
            output.Console.MarkupLine(
                $"Fetched UCDP GED {Markup.Escape(fetch.Version)}: {fetch.Events:N0} events in {fetch.Pages:N0} page(s), {fetch.PagesFetched:N0} fetched now and {fetch.PagesKept:N0} kept from before; " +
                $"{fetch.RequestsToday:N0} of today's {fetch.RequestsPerDay:N0} requests used.");
            Rendering.ImportRenderer.Render(output.Console, [import], settings.Db);
        });
        return ExitCodes.Success;
    }
}
