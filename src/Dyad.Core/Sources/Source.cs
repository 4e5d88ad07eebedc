namespace Dyad.Sources;

/// <summary>What kind of source a piece of evidence comes from.</summary>
public enum SourceType
{
    Dataset,
    NewsAgency,
    OfficialStatement,
    Interview,
    PropagandaOutlet,
    SocialMedia,
    Report,
    Book,
    Article,
}

/// <summary>
/// Who may see a source's identity. A protected source (an interviewee, say) or a restricted one (a report under
/// embargo) is cited by its code wherever its identity is not allowed.
/// </summary>
public enum Protection
{
    Public,
    Restricted,
    Protected,
}

/// <summary>
/// A source of evidence, with what a citation needs and how far it can be trusted: reliability A (completely reliable)
/// to F (cannot be judged) and credibility 1 (confirmed) to 6 (cannot be judged), the grading analysts use.
/// </summary>
public sealed record Source
{
    public int Id { get; init; }
    /// <summary>The analyst's short name for it, unique in a store (AMAQ-2019-11-14, ISK-30).</summary>
    public required string Code { get; init; }
    public required SourceType Type { get; init; }
    public string? Author { get; init; }
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    /// <summary>As the source gives it: "2019", "Rabi' al-Awwal 1436", "14 November 2019".</summary>
    public string? Published { get; init; }
    public string? Url { get; init; }
    public DateOnly? Accessed { get; init; }
    /// <summary>Where the analyst found it, when that is not where it was published (a live map, a social-media account).</summary>
    public string? AccessedVia { get; init; }
    public string? Language { get; init; }
    public string? TranslatedFrom { get; init; }
    public string? Pages { get; init; }
    public char? Reliability { get; init; }
    public int? Credibility { get; init; }
    public Protection Protection { get; init; } = Protection.Public;
    public string? Notes { get; init; }

    /// <summary>The A–F / 1–6 grade ("B2"), or null when ungraded.</summary>
    public string? Grade => Reliability is null && Credibility is null ? null : $"{Reliability?.ToString() ?? "?"}{Credibility?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";

    /// <summary>Whether its identity may be shown to a reader who is not allowed protected material.</summary>
    public bool IsOpen => Protection == Protection.Public;

    /// <exception cref="DyadException">BadInput: a grade outside A–F / 1–6, or an empty code.</exception>
    public Source Validated()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Any(char.IsWhiteSpace))
        {
            throw DyadException.BadInput($"A source's code must be one word (got '{Code}'), e.g. AMAQ-2019-11-14.");
        }

        if (Reliability is { } r && (r < 'A' || r > 'F'))
        {
            throw DyadException.BadInput($"Reliability {r}: grade it A (completely reliable) to F (cannot be judged).", column: "reliability");
        }

        if (Credibility is { } c && (c < 1 || c > 6))
        {
            throw DyadException.BadInput($"Credibility {c}: grade it 1 (confirmed) to 6 (cannot be judged).", column: "credibility");
        }

        return this;
    }
}
