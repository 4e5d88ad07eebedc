namespace Dyad.Actors;

/// <summary>
/// One name an actor goes by, and when it applies: only in some datasets (gtd, acled, ucdp), in some countries, or
/// between two days (inclusive). A name without conditions applies everywhere.
/// </summary>
public sealed record ActorName(
    string Name,
    string? Script = null,
    IReadOnlyList<string>? Datasets = null,
    IReadOnlyList<string>? Countries = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public bool HasDateCondition => From is not null || To is not null;

    /// <summary>How many conditions the name sets: the more, the more specific a match.</summary>
    public int Specificity => (Datasets is null ? 0 : 1) + (Countries is null ? 0 : 1) + (HasDateCondition ? 1 : 0);

    /// <summary>
    /// Whether the name applies in a context. A context of several countries (UCDP's yearly tables locate a record in
    /// every country its dyad fought in) is in a name's countries only if every one of them is: the Islamic State's
    /// one-sided violence in twenty countries is not IS-K's because Afghanistan is among them.
    /// </summary>
    public bool Applies(ResolutionContext context, bool ignoreDate = false) =>
        (Datasets is null || (context.Dataset is not null && Datasets.Contains(context.Dataset, StringComparer.OrdinalIgnoreCase)))
        && (Countries is null || (context.Country is not null
            && context.Country.Split(", ").All(c => Countries.Contains(c, StringComparer.OrdinalIgnoreCase))))
        && (ignoreDate || context.Date is not { } day || ((From is null || day >= From) && (To is null || day <= To)));
}
