using System.ComponentModel;
using Dyad.App;
using Dyad.App.Configuration;
using Dyad.App.Importing;
using Dyad.Cli.Hosting;
using Dyad.Connectors;
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
    public const string TokenVariable = "DYAD_UCDP_TOKEN";

    public override async Task<int> ExecuteAsync(CommandContext context, FetchUcdpSettings settings, CancellationToken cancellationToken)
    {
        var token = UserConfiguration.Value(TokenVariable, "ucdp_token")
            ?? throw DyadException.BadUsage($"The UCDP API needs an access token (UCDP's rule since February 2026): set {TokenVariable}, or \"ucdp_token\" in {UserConfiguration.FilePath}; Dyad never takes it on the command line.");
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        using var http = PoliteHttp.Create(TimeSpan.FromSeconds(2));
        var api = new Uri(settings.Url is { } url ? url.TrimEnd('/') + "/" : UcdpFetcher.PublicApi.ToString());
        var fetcher = new UcdpFetcher(http, api, token, settings.FetchFolder);
        var fetch = await fetcher.FetchAsync(new UcdpFetchRequest(settings.Version ?? FetchUcdpSettings.LatestRelease, settings.Country), cancellationToken);
        var import = FileImport.Run(store, fetch.File, cancellationToken: cancellationToken, release: fetch.Version);
        FileImport.Complete(store, registries);
        output.Result(settings.Json, new { Fetch = fetch, Import = new FileOutcome(fetch.File, import, null).ToJson() }, () =>
        {
            output.Console.MarkupLine(
                $"Fetched UCDP GED {Markup.Escape(fetch.Version)}: {fetch.Events:N0} events in {fetch.Pages:N0} page(s), {fetch.PagesFetched:N0} fetched now and {fetch.PagesKept:N0} kept from before; " +
                $"{fetch.RequestsToday:N0} of today's {fetch.RequestsPerDay:N0} requests used.");
            Rendering.ImportRenderer.Render(output.Console, [new FileOutcome(fetch.File, import, null)], settings.Db);
        });
        return ExitCodes.Success;
    }
}
