using System.ComponentModel;
using Dyad.App.Demo;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Dyad.Store.PostgreSql;
using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Server;

public sealed class ServeSettings : StoreSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen (semicolon-separated). Defaults to http://127.0.0.1:5080: this machine only; put a TLS proxy in front to serve a team.")]
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    [CommandOption("--model <FILE>")]
    [Description("The attribution model. Defaults to the store's name with .model.zip; without one, the server trains one on the store when first asked.")]
    public string? Model { get; init; }

    [CommandOption("--max-upload-mb <MB>")]
    [Description("The largest file an import may upload. Defaults to 512.")]
    public int MaxUploadMb { get; init; } = 512;

    [CommandOption("--requests-per-minute <N>")]
    [Description("Requests one user (or token, or an address when not signed in) may make in a minute. Defaults to 6000.")]
    public int RequestsPerMinute { get; init; } = 6000;

    public override ValidationResult Validate() =>
        MaxUploadMb < 1 ? ValidationResult.Error("--max-upload-mb must be 1 or more.")
        : RequestsPerMinute < 1 ? ValidationResult.Error("--requests-per-minute must be 1 or more.")
        : base.Validate();

    /// <summary>
    /// The store to serve: the one named, else the default one if it is there; else, right after 'dyad demo', the demo's
    /// store. A server never makes an empty store of its own where the user expected their data.
    /// </summary>
    /// <exception cref="DyadException">NotFound: no store named and none to serve.</exception>
    public string StoreToServe()
    {
        if (DbNamed || EventStores.IsPostgres(Db) || File.Exists(Db))
        {
            return Db;
        }

        return File.Exists(DemoSteps.DefaultStore)
            ? DemoSteps.DefaultStore
            : throw new DyadException(DyadErrorKind.NotFound,
                $"No store at {Db} to serve: import your files first ('dyad import FILE...'), name a store with --db, or run 'dyad demo' and serve its store.");
    }

    public ServerOptions ToOptions(string db) => new()
    {
        Db = db,
        Registry = Registry,
        Model = Model,
        Urls = Urls,
        MaxUploadBytes = MaxUploadMb * 1024L * 1024,
        RequestsPerMinute = RequestsPerMinute,
        Verbose = Verbose,
    };
}

/// <summary>Serves the store to a team: the dashboard and the HTTP API, until stopped with Ctrl+C.</summary>
public sealed class ServeCommand(CliOutput output) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var db = settings.StoreToServe();
        if (db != settings.Db)
        {
            output.Console.MarkupLine($"No store at {Markup.Escape(settings.Db)}: serving the demo's store, [bold]{Markup.Escape(db)}[/] (--db names another).");
        }

        var options = settings.ToOptions(db);
        await using var app = DyadServer.Build(options);
        if (await DyadServer.AddFirstAdminIfNone(app, cancellationToken) is { } password)
        {
            output.Console.MarkupLine($"The store had no user: Dyad made the admin [bold]{UserAccounts.FirstAdmin}[/] with the password [bold]{Markup.Escape(password)}[/]");
            output.Console.MarkupLine("It is shown this once and never stored; sign in and change it, then add your team with [bold]dyad users add NAME --role analyst[/].");
        }

        await app.StartAsync(cancellationToken);
        var store = EventStores.IsPostgres(options.Db) ? PostgresAddress.Redacted(options.Db) : Path.GetFullPath(options.Db);
        output.Console.MarkupLine($"Dyad serves [bold]{Markup.Escape(store)}[/] at [bold]{Markup.Escape(string.Join(", ", app.Urls))}[/] (Ctrl+C stops it).");
        output.Console.MarkupLine($"The API is described at [bold]{Markup.Escape(app.Urls.First())}/openapi/v1.json[/].");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
