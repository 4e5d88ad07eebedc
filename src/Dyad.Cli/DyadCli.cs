using Dyad.App.Diagnostics;
using Dyad.App.Hosting;
using Dyad.Cli.Commands;
using Dyad.Cli.Commands.Actors;
using Dyad.Cli.Commands.Attribution;
using Dyad.Cli.Commands.Claims;
using Dyad.Cli.Commands.Fetch;
using Dyad.Cli.Commands.Forecasting;
using Dyad.Cli.Commands.Incidents;
using Dyad.Cli.Commands.Places;
using Dyad.Cli.Commands.Rivalry;
using Dyad.Cli.Commands.Server;
using Dyad.Cli.Commands.Sources;
using Dyad.Cli.Commands.Turns;
using Dyad.Cli.Commands.Vocabulary;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Dyad.Cli;

/// <summary>Dyad's command line: the commands, and how their outcomes become exit codes and messages.</summary>
public static class DyadCli
{
    public static async Task<int> RunAsync(string[] args, CliOutput output, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        var logging = new CliLogging();
        var services = new ServiceCollection()
            .AddSingleton(output)
            .AddSingleton(clock ?? TimeProvider.System)
            .AddSingleton<ICommandInterceptor>(new StoreAnnouncer(output))
            .AddSingleton<ICommandInterceptor>(logging)
            .AddDyad();
        logging.Add(services);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("dyad");
            config.SetApplicationVersion(DyadVersion.Text);
            config.Settings.Console = output.Console;
            config.PropagateExceptions();
            config.Settings.StrictParsing = true;
            config.AddCommand<DoctorCommand>("doctor")
                .WithDescription("Check what Dyad needs on this machine (its data, folders, native libraries, Chromium, disk space) and say how to fix what is missing.");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Build a fresh demo store from the UCDP sample data shipped with Dyad and show what Dyad is for.");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Import GTD (.xlsx, .csv), ACLED (.csv) and UCDP GED (.csv, .geojson) files; the format is read from the header.")
                .WithExample("import", "globalterrorismdb_2021Jan-June_1222dist.xlsx", "ged231.csv")
                .WithExample("import", "acled.csv", "--db", "team.duckdb", "--json");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Write the whole store to a folder (events as Parquet, sources and claims as JSON) that 'dyad import FOLDER' reads into another store.")
                .WithExample("export", "--out", "my-work");
            config.AddBranch("fetch", fetch =>
            {
                fetch.SetDescription("Fetch a dataset's events from its publisher's API and import them as that release.");
                fetch.AddCommand<FetchUcdpCommand>("ucdp").WithDescription("UCDP GED events from the UCDP API (token in DYAD_UCDP_TOKEN), resumable.")
                    .WithExample("fetch", "ucdp", "--version", "25.1", "--country", "700");
                fetch.AddCommand<FetchAcledCommand>("acled").WithDescription("A country's ACLED events with your account (DYAD_ACLED_USERNAME, DYAD_ACLED_PASSWORD), incremental, deletions applied.")
                    .WithExample("fetch", "acled", "--country", "Afghanistan");
            });
            config.AddCommand<BackupCommand>("backup")
                .WithDescription("Copy the whole store, consistently, into a new file.")
                .WithExample("backup", "--out", "dyad-2026-11-25.duckdb");
            config.AddCommand<RestoreCommand>("restore")
                .WithDescription("Make a new store from a backup (never over a store that is there).")
                .WithExample("restore", "dyad-2026-11-25.duckdb", "--db", "restored.duckdb");
            config.AddCommand<EventsCommand>("events")
                .WithDescription("List events, filtered by country, actor, dates, dataset or type, as a table, CSV, JSON or GeoJSON.")
                .WithExample("events", "--country", "Afghanistan", "--actor", "Taleban", "--from", "2015-01-01", "--format", "csv");
            config.AddCommand<HistoryCommand>("history")
                .WithDescription("Every version of an event: what each release said of it, what it changed, and whether it was revised or withdrawn.")
                .WithExample("history", "ucdp-ged:300380");
            config.AddCommand<RejectsCommand>("rejects")
                .WithDescription("Rows that could not be imported, with file, row, column and reason.");
            config.AddCommand<StatsCommand>("stats")
                .WithDescription("Counts of events by dataset, country, year and actor.");
            config.AddBranch("actors", actors =>
            {
                actors.SetDescription("The actor registry: who is who across datasets, scripts and spellings.");
                actors.AddCommand<ActorsListCommand>("list").WithDescription("The registered actors and how they relate.");
                actors.AddCommand<ActorsResolveCommand>("resolve").WithDescription("Which actor a name means (in any script; --date for names that changed meaning).")
                    .WithExample("actors", "resolve", "ولاية خراسان").WithExample("actors", "resolve", "Government of Afghanistan", "--dataset", "ucdp", "--date", "2021-09-01");
                actors.AddCommand<ActorsAddAliasCommand>("add-alias").WithDescription("Add a name to an actor in the registry file.")
                    .WithExample("actors", "add-alias", "iskp", "Wilayat Khurasan al-Islamiyya");
                actors.AddCommand<ActorsReresolveCommand>("reresolve").WithDescription("Resolve every actor name in the store again after the registry changed.");
                actors.AddCommand<ActorsUnresolvedCommand>("unresolved").WithDescription("Actor names in the store that resolve to no actor, with counts.");
            });
            config.AddBranch("vocab", vocab =>
            {
                vocab.SetDescription("The movements' own idiom, as claims are read with it: their names for themselves, their enemies and the communities they strike.");
                vocab.AddCommand<VocabularyListCommand>("list").WithDescription("Every term of the idiom, whose it is and what it means.");
                vocab.AddCommand<VocabularyAddCommand>("add").WithDescription("Add a term to the idiom in your layer.")
                    .WithExample("vocab", "add", "name", "Daeshi", "--speaker", "Taliban", "--means", "IS-K")
                    .WithExample("vocab", "add", "community", "Hazaras", "--means", "Hazara");
            });
            config.AddBranch("places", places =>
            {
                places.SetDescription("The gazetteer: Afghanistan's and Pakistan's provinces, districts and places, in their spellings and scripts.");
                places.AddCommand<PlacesResolveCommand>("resolve").WithDescription("Which province, district or place a name means, and how sure the match is.")
                    .WithExample("places", "resolve", "Ningarhar").WithExample("places", "resolve", "Korengal");
                places.AddCommand<PlacesLocateCommand>("locate").WithDescription("The province and district a point lies in.")
                    .WithExample("places", "locate", "34.43", "70.45");
                places.AddCommand<PlacesReassignCommand>("reassign").WithDescription("Assign every event in the store to the gazetteer's units again, after the gazetteer changed.");
            });
            config.AddBranch<StoreJsonSettings>("incidents", incidents =>
            {
                incidents.SetDescription("Incidents: the events, across and within datasets, that report the same attack, and why they were linked.");
                incidents.SetDefaultCommand<IncidentsListCommand>();
                incidents.AddCommand<IncidentsListCommand>("list").WithDescription("Incidents reported by more than one event, with their events and links.")
                    .WithExample("incidents", "list", "--country", "Pakistan", "--from", "2021-01-01");
                incidents.AddCommand<IncidentsLinkCommand>("link").WithDescription("Link the store's events into incidents again (imports do this themselves).");
                incidents.AddCommand<IncidentsConfirmCommand>("confirm").WithDescription("Say that events report the same incident (one event: its whole incident).")
                    .WithExample("incidents", "confirm", "gtd:202101100010", "acled:6583");
                incidents.AddCommand<IncidentsSplitCommand>("split").WithDescription("Say that events are different incidents (one event: take it out of its incident).");
                incidents.AddCommand<IncidentsCompareCommand>("compare").WithDescription("Why two events are, or are not, one incident: the linker's evidence for and against, point by point.")
                    .WithExample("incidents", "compare", "gtd:202105150008", "acled:6543");
            });
            config.AddBranch("sources", sources =>
            {
                sources.SetDescription("The register of sources: citations, A-F/1-6 grades and protection for the evidence you record.");
                sources.AddCommand<SourcesAddCommand>("add").WithDescription("Add a source.")
                    .WithExample("sources", "add", "--code", "AMAQ-2019-11-14", "--type", "news-agency", "--publisher", "Amaq News Agency", "--translated-from", "Arabic");
                sources.AddCommand<SourcesListCommand>("list").WithDescription("The sources, each as it is cited.");
                sources.AddCommand<SourcesShowCommand>("show").WithDescription("One source, with its changes.");
            });
            config.AddBranch("claims", claims =>
            {
                claims.SetDescription("Claims, denials and blame: statements that tie a group to an attack, parsed, cited and set against the events.");
                claims.AddCommand<ClaimsAddCommand>("add").WithDescription("Parse a statement, correct it with --set, store it with its source, and show the events it may be about.")
                    .WithExample("claims", "add", "--source", "AMAQ-2019-11-14", "--date", "2019-11-14", "--text", "\"ISKP claimed killing and wounding 9 Taliban militants via two explosive devices in Kunar.\"");
                claims.AddCommand<ClaimsListCommand>("list").WithDescription("The claims, with their sources.");
                claims.AddCommand<ClaimsShowCommand>("show").WithDescription("One claim: its fields, source, events, competing statements and changes.");
                claims.AddCommand<ClaimsSetCommand>("set").WithDescription("Correct a claim's fields (the old values are kept).").WithExample("claims", "set", "3", "killed=4");
            });
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serve the store to a team: the dashboard and the HTTP API, with users, roles and the record of changes.");
            config.AddBranch("users", users =>
            {
                users.SetDescription("The users of a served store: add, list, remove, and API tokens.");
                users.AddCommand<UsersAddCommand>("add").WithDescription("Add a user with a role (viewer, analyst, admin) and a password shown once.")
                    .WithExample("users", "add", "ana", "--role", "analyst");
                users.AddCommand<UsersListCommand>("list").WithDescription("The users and their roles.");
                users.AddCommand<UsersRemoveCommand>("remove").WithDescription("Remove a user and their tokens (never the last admin).");
                users.AddCommand<UsersTokenCommand>("token").WithDescription("Issue an API token for a user, shown once and kept only as its hash.");
            });
            config.AddCommand<RivalryCommand>("rivalry")
                .WithDescription("Measure a rivalry: clashes between A and B over time and space, each side's own violence and targets, territory, leaders, turning points.")
                .WithExample("rivalry", "IS-K", "Taliban", "--by", "quarter", "--out", "charts");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write a cited brief on a rivalry: findings, charts, map and footnotes, as .html, .md or .pdf.")
                .WithExample("report", "IS-K", "Taliban", "--out", "brief.html");
            config.AddBranch("model", model =>
            {
                model.SetDescription("Attribution models: who most likely carried out an attack nobody claimed.");
                model.AddCommand<ModelTrainCommand>("train").WithDescription("Train a model on the store's attacks with a known perpetrator (LightGBM, calibrated on the newest of them).")
                    .WithExample("model", "train", "--country", "Afghanistan", "--until", "2021-05-01");
            });
            config.AddCommand<AttributeCommand>("attribute")
                .WithDescription("For attacks nobody claimed: each group's probability, a verdict, why, and the most similar earlier attacks.")
                .WithExample("attribute", "--unclaimed").WithExample("attribute", "1234").WithExample("attribute", "--file", "new-attacks.csv");
            config.AddBranch("turns", turns =>
            {
                turns.SetDescription("Turning events (leaders killed, accords, takeovers, pledges, splits, defections), with their sources.");
                turns.AddCommand<TurnsListCommand>("list").WithDescription("The turning events on record: leaders.json and turns.json.");
                turns.AddCommand<TurnsAddCommand>("add").WithDescription("Record a turning event with its source in turns.json.")
                    .WithExample("turns", "add", "--kind", "defection", "--name", "TTP commanders in Orakzai join IS-K", "--date", "2015-01-10", "--from-group", "TTP", "--to-group", "IS-K", "--people", "6", "--source", "Reuters, 10 January 2015");
                turns.AddCommand<TurnsCandidatesCommand>("candidates").WithDescription("Events that may report a turning event (defected, joined, pledged allegiance, split, ceasefire; ACLED's strategic developments), for an analyst to confirm.")
                    .WithExample("turns", "candidates", "--actor", "IS-K", "--from", "2015");
                turns.AddCommand<TurnsShowCommand>("show").WithDescription("A turning event and what each group it concerns did after it, against its own past and at placebo dates.")
                    .WithExample("turns", "show", "Doha");
            });
            config.AddCommand<DefectionsCommand>("defections")
                .WithDescription("Who moved from which group to which, when, where and how many, on what evidence.")
                .WithExample("defections", "--from", "2014", "--json");
            config.AddCommand<ForecastCommand>("forecast")
                .WithDescription("The chance of at least one event (of an actor, a clash, a mass-casualty attack) per district and month for the coming months; --backtest scores it.")
                .WithExample("forecast", "--actor", "IS-K", "--country", "Afghanistan").WithExample("forecast", "--backtest", "--from", "2014-01", "--actor", "TTP");
            config.AddCommand<BacktestCommand>("backtest")
                .WithDescription("Train before a day, test on the attacks after it with their perpetrators hidden; compare with two baselines.")
                .WithExample("backtest", "--split", "2021-05-01", "--country", "Afghanistan");
        });

        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        catch (DyadException e)
        {
            output.Errors.WriteLine($"dyad: {e.Message}");
            return ExitCodes.For(e.Kind);
        }
        catch (Exception e) when (StoreErrors.AsDyad(e) is { } known)
        {
            output.Errors.WriteLine($"dyad: {known.Message}");
            return ExitCodes.For(known.Kind);
        }
        catch (OperationCanceledException)
        {
            output.Errors.WriteLine("dyad: interrupted; the file being imported was rolled back, the store is as it was before it.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file Dyad was told to write (a model, a brief, charts) or read cannot be: the user's path, not a bug.
            output.Errors.WriteLine($"dyad: {e.Message}");
            return ExitCodes.For(DyadErrorKind.BadInput);
        }
        catch (Exception e) when (Doctor.NativeLibraryMissing(e) is { } missing)
        {
            // Not a bug: this machine lacks a library Dyad loads (attribution's LightGBM on Apple silicon, say).
            output.Errors.WriteLine($"dyad: {missing.Name}: {missing.Detail}.");
            output.Errors.WriteLine($"To fix it: {missing.Fix}.");
            return ExitCodes.NotReady;
        }
        catch (CommandAppException e)
        {
            output.Errors.WriteLine($"dyad: {e.Message}");
            output.Errors.WriteLine("Run 'dyad --help' (or 'dyad COMMAND --help') for usage.");
            return ExitCodes.BadUsage;
        }
        catch (Exception e)
        {
            output.Errors.WriteLine($"dyad: unexpected error: {e.Message}");
            output.Errors.WriteLine("This is a bug in Dyad; please report it with the command you ran and the details below.");
            output.Errors.WriteLine(e.ToString());
            return ExitCodes.Unexpected;
        }
    }
}
