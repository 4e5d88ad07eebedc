using Dyad.Analysis.Forecasting;
using Dyad.Analysis.Rivalry;

namespace Dyad.Analysis.Briefs;

/// <summary>
/// The brief as data (<c>dyad report --format json</c>, <c>/api/rivalry/brief.json</c>): every figure its text states, as
/// the rivalry's own JSON (docs/rivalry-json.md), beside what only the brief has — its scope, its citations, the forecast
/// it watches and its text. A reader's program takes the numbers from <see cref="Rivalry"/>, never from <see cref="Markdown"/>.
/// </summary>
/// <param name="Period">The period in a reader's words, as the brief's first line gives it.</param>
/// <param name="Countries">The countries asked for; null for every country in the sources.</param>
/// <param name="Data">The brief's footnote for each dataset file counted.</param>
/// <param name="Sources">The brief's note for each source the analyst's records cite; a protected one's identity withheld.</param>
/// <param name="Markdown">The brief's text, its charts left out (they are the figures of <see cref="Rivalry"/>).</param>
public sealed record BriefDocument(string Title, DateTimeOffset Written, string Command, string Period, IReadOnlyList<string>? Countries,
    RivalryResult Rivalry, IReadOnlyList<string> Data, IReadOnlyList<string> Sources, BriefWatch Watch, string Markdown);

/// <summary>The brief's "what to watch next": the forecast of clashes, or why there is none, and the command that measures such forecasts.</summary>
/// <param name="Noticeable">Whether any unit's chance reaches 1% in a month: below it the brief says nothing is expected.</param>
public sealed record BriefWatch(string Backtest, string? Reason, bool Noticeable, ForecastResult? Forecast);
