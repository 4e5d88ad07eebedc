using Dyad.Analysis.Briefs;
using Dyad.Analysis.Charts;
using Dyad.App.Forecasting;
using Dyad.App.Rivalry;
using Dyad.App.Views;
using Dyad.Store;

namespace Dyad.App.Briefs;

/// <summary>Writes a rivalry brief: charts, then Markdown, then HTML (charts inside), then a PDF printed by headless Chromium.</summary>
public sealed class BriefWriter(RivalryService rivalry, TimeProvider clock)
{
    /// <summary>The clashes between the two sides forecast for the three months after the brief's data end.</summary>
    private ClashWatch Watch(IDyadStore store, RivalryRequest request)
    {
        var country = request.Countries is [var one] ? one : null;
        var forecast = new ForecastRequest(ForecastKind.Clash, request.A, request.B, country, Until: request.To?.AddDays(1));
        var backtest = $"dyad forecast --backtest --from YYYY-MM --what clash --actor {Quote(request.A)} --against {Quote(request.B)}{(country is null ? "" : $" --country {Quote(country)}")}";
        try
        {
            return new ClashWatch(new ForecastService(rivalry.Registries).Forecast(store, forecast, months: 3), backtest);
        }
        catch (DyadException e) when (e.Kind == DyadErrorKind.BadInput)
        {
            return new ClashWatch(null, backtest, e.Message);
        }
    }

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;

    /// <summary>The kinds of brief, by the extension of the file asked for.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".html", ".md", ".pdf", ".json"];

    /// <summary>The brief as data: the rivalry's figures with the brief's scope, citations and watch (docs/rivalry-json.md).</summary>
    /// <param name="command">The command that makes this brief again.</param>
    /// <exception cref="DyadException">BadUsage: a side the registry does not know.</exception>
    public BriefDocument Document(IDyadStore store, RivalryRequest request, string command)
    {
        var (result, imports, sources) = rivalry.Compute(store, request);
        return RivalryBrief.Document(result, imports, clock.GetLocalNow(), Scope(request, command), sources, Watch(store, request));
    }

    private static BriefScope Scope(RivalryRequest request, string command) => new(command, request.From, request.To, request.Countries);

    /// <summary>Writes the brief to <paramref name="path"/> (its kind read from the extension) and returns its full path.</summary>
    /// <param name="command">The command that makes this brief again, printed in it so a reader can check the figures.</param>
    /// <param name="paper">a4 or letter: the page a PDF, or a printed HTML brief, has.</param>
    /// <exception cref="DyadException">BadUsage: an extension that is not .html, .md, .pdf or .json, or a side the registry does not know.</exception>
    public string Write(IDyadStore store, RivalryRequest request, string path, string command, string paper = "a4")
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw DyadException.BadUsage($"{path}: a brief is FILE.html, FILE.md, FILE.pdf or FILE.json.");
        }

        path = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        if (extension == ".json")
        {
            var document = Document(store, request, command);
            using var json = File.CreateText(path);
            DyadJson.Write(json, document);
            return path;
        }

        var (result, imports, sources) = rivalry.Compute(store, request);
        var stem = Path.GetFileNameWithoutExtension(path);
        // Markdown links its charts from a folder beside it; HTML and PDF carry them inside.
        var chartFolder = extension == ".md" ? Path.Combine(folder, stem + "_charts") : Directory.CreateTempSubdirectory("dyad-charts-").FullName;
        try
        {
            var charts = new Dictionary<string, string>(RivalryCharts.Write(result, rivalry.Registries.Gazetteer, chartFolder), StringComparer.Ordinal);
            var watch = Watch(store, request);
            if (watch.Forecast is { } forecast && watch.Worth)
            {
                charts["watch"] = ForecastMap.Write(forecast, rivalry.Registries.Gazetteer, chartFolder, $"Chance of a clash between {result.A.Name} and {result.B.Name}");
            }

            var links = charts.ToDictionary(c => c.Key, c => extension == ".md" ? $"{stem}_charts/{Path.GetFileName(c.Value)}" : Path.GetFileName(c.Value));
            var markdown = RivalryBrief.Markdown(result, imports, links, clock.GetLocalNow(), Scope(request, command), sources, watch);
            if (extension == ".md")
            {
                File.WriteAllText(path, markdown);
                return path;
            }

            var html = RivalryBrief.Html(markdown, charts, $"{result.A.Name} and {result.B.Name}", paper.Equals("letter", StringComparison.OrdinalIgnoreCase) ? "letter" : "A4");
            if (extension == ".html")
            {
                File.WriteAllText(path, html);
                return path;
            }

            var page = Path.Combine(chartFolder, stem + ".html");
            File.WriteAllText(page, html);
            PdfPrinter.Print(page, path);
            return path;
        }
        finally
        {
            if (extension != ".md")
            {
                Directory.Delete(chartFolder, recursive: true);
            }
        }
    }
}
