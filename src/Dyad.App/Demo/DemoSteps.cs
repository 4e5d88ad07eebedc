using Dyad.App.Attribution;
using Dyad.App.Configuration;
using Dyad.App.Records;
using Dyad.Attribution;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Explaining;
using Dyad.Attribution.Training;
using Dyad.Events;
using Dyad.Sources;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Dyad.Store.PostgreSql;

namespace Dyad.App.Demo;

/// <summary>
/// The demo's work, step by step, for a front end to show: a fresh store from the samples that ship with Dyad, the
/// article's Amaq claim typed in, and an attack whose perpetrator is withheld and attributed.
/// </summary>
public sealed class DemoSteps(TimeProvider clock)
{
    /// <summary>Who the demo's records are recorded as made by; the demo replaces only a store it made itself.</summary>
    public const string Analyst = "dyad demo";

    /// <summary>The article's Amaq claim of 14 November 2019, as an analyst types it.</summary>
    public const string KunarClaim = "ISKP claimed killing and wounding 9 Taliban militants via two explosive devices in Kunar.";

    /// <summary>
    /// Where the demo builds its store when none is named (and where 'dyad serve' finds it when there is no other): in
    /// the user's own Dyad folder, beside their store, never in a folder other users share (where another user's demo
    /// replaced it mid-session).
    /// </summary>
    public static string DefaultStore => Path.Combine(DyadFolders.User, "demo.duckdb");

    /// <summary>The sample files that ship with Dyad (UCDP, CC BY 4.0, and the article's case file), in order.</summary>
    /// <exception cref="DyadException">NotFound: the samples are missing from the installation.</exception>
    public static IReadOnlyList<string> Samples()
    {
        var samples = Directory.Exists(DyadFolders.Samples)
            ? Directory.GetFiles(DyadFolders.Samples, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
            : [];
        return samples.Count > 0 ? samples
            : throw new DyadException(DyadErrorKind.NotFound, $"The demo's sample data is missing from {DyadFolders.Samples}; reinstall Dyad ('dyad doctor' checks what it needs).");
    }

    /// <summary>
    /// Makes way for the demo's store at <paramref name="path"/>: its folder made, and an earlier demo's store there let go.
    /// The demo replaces only a store it made itself: a user's store, or any other file, is never touched, even at the
    /// demo's default path; nor is one that a server or another command has open.
    /// </summary>
    /// <exception cref="DyadException">BadUsage: a PostgreSQL address, or a file the demo did not make; Conflict: the store is open elsewhere.</exception>
    public static void MakeWay(string path)
    {
        if (EventStores.IsPostgres(path))
        {
            throw DyadException.BadUsage($"{PostgresAddress.Redacted(path)}: the demo builds a store of its own in a DuckDB file; name a file with --db, or leave it out.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(path))
        {
            return;
        }

        if (DuckDbEventStore.MadeBy(path) != Analyst)
        {
            throw DyadException.BadUsage($"{path} is not a store the demo made, and the demo replaces nothing else: name another --db (or leave it out).");
        }

        DuckDbEventStore.RefuseIfOpenElsewhere(path);
        File.Delete(path);
        File.Delete(path + ".wal");
    }

    /// <summary>The article's Amaq claim typed in, parsed, cited and set against the events; null when the samples lack its source.</summary>
    public static (Source Source, ClaimRecording.Recorded Recorded)? RecordKunarClaim(IDyadStore store, Registries registries) =>
        store.FindSource("AMAQ-2019-11-14") is { } amaq
            ? (amaq, ClaimRecording.Record(store, registries, amaq, KunarClaim, new DateOnly(2019, 11, 14), [], Analyst))
            : null;

    /// <summary>
    /// Withholds the perpetrator of IS-K's latest attack in Nangarhar in the samples, trains on everything else in
    /// Afghanistan and Pakistan, and asks who did it; null when the samples hold no such attack.
    /// </summary>
    public WithheldAttack? AttributeWithheldAttack(IEventStore store, Registries registries, CancellationToken cancellationToken)
    {
        var sources = new AttackSources(registries);
        var attacks = sources.FromStore(store);
        var question = attacks
            .Where(a => a.Perpetrator == "iskp" && a.Province == "af/nangarhar" && a.Event.Date.Precision == DatePrecision.Day)
            .MaxBy(a => (a.Date, a.EventId));
        if (question is null)
        {
            return null;
        }

        var others = attacks.Where(a => a.EventId != question.EventId).ToList();
        var model = new AttributionTrainer(sources.Setting, clock).Train(others, new TrainingOptions { Countries = ["Afghanistan", "Pakistan"] }, cancellationToken);
        var attribution = new Attributor(model, others, sources.Setting).Attribute([question.WithPerpetratorHidden()]);
        return new WithheldAttack(question, sources.Labels.Display(question.Perpetrator!), model, attribution);
    }
}

/// <summary>An attack whose perpetrator was withheld, the source's answer, the model trained without it, and what it said.</summary>
public sealed record WithheldAttack(Attack Attack, string Answer, AttributionModel Model, IReadOnlyList<AttackAttribution> Attribution);
