using System.Globalization;
using Dyad.App.Views;
using Dyad.Sources;

namespace Dyad.App.Records;

/// <summary>A source as an analyst writes it, every field text (the CLI's options, the API's JSON), checked and read into a <see cref="Source"/>.</summary>
public sealed record SourceInput
{
    public string? Code { get; init; }

    /// <summary>dataset, news-agency, official-statement, interview, propaganda-outlet, social-media, report, book or article.</summary>
    public string? Type { get; init; }

    public string? Author { get; init; }

    public string? Title { get; init; }

    public string? Publisher { get; init; }

    public string? Published { get; init; }

    public string? Url { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? Accessed { get; init; }

    public string? AccessedVia { get; init; }

    public string? Language { get; init; }

    public string? TranslatedFrom { get; init; }

    public string? Pages { get; init; }

    /// <summary>Reliability A–F then credibility 1–6 (B2; ? for either not judged).</summary>
    public string? Grade { get; init; }

    /// <summary>public (default), restricted or protected.</summary>
    public string? Protection { get; init; }

    public string? Notes { get; init; }

    /// <summary>What is wrong with it, the fields named as the caller names them; null if nothing.</summary>
    public string? Problem(Func<string, string> name)
    {
        if (string.IsNullOrWhiteSpace(Code) || Type is null)
        {
            return $"{name("code")} and {name("type")} are needed.";
        }

        if (SourceFields.Type(Type) is null)
        {
            return $"{name("type")} {Type}: one of {string.Join(", ", Enum.GetValues<SourceType>().Select(SourceFields.Word))}.";
        }

        if (Protection is not null && SourceFields.Protection(Protection) is null)
        {
            return $"{name("protection")} {Protection}: public, restricted or protected.";
        }

        if (Grade is not null && SourceFields.Grade(Grade) is null)
        {
            return $"{name("grade")} {Grade}: reliability A-F then credibility 1-6, e.g. B2 (? for either not judged).";
        }

        return Accessed is not null && !DateOnly.TryParseExact(Accessed, Periods.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"{name("accessed")} {Accessed}: write the day as {Periods.DayFormat}, e.g. 2021-08-15."
            : null;
    }

    /// <exception cref="DyadException">BadUsage: what <see cref="Problem"/> says.</exception>
    public Source ToSource()
    {
        if (Problem(field => field.Replace('-', '_')) is { } problem)
        {
            throw DyadException.BadUsage(problem);
        }

        var grade = Grade is null ? default : SourceFields.Grade(Grade)!.Value;
        return new Source
        {
            Code = Code!,
            Type = SourceFields.Type(Type!)!.Value,
            Author = Author,
            Title = Title,
            Publisher = Publisher,
            Published = Published,
            Url = Url,
            Accessed = Accessed is null ? null : DateOnly.ParseExact(Accessed, Periods.DayFormat, CultureInfo.InvariantCulture),
            AccessedVia = AccessedVia,
            Language = Language,
            TranslatedFrom = TranslatedFrom,
            Pages = Pages,
            Reliability = grade.Reliability,
            Credibility = grade.Credibility,
            Protection = Protection is null ? Sources.Protection.Public : SourceFields.Protection(Protection)!.Value,
            Notes = Notes,
        };
    }
}
