namespace Dyad.Actors;

/// <summary>What is known about where a name was read: the dataset family (gtd, acled, ucdp), the event's country and first day.</summary>
public sealed record ResolutionContext(string? Dataset = null, string? Country = null, DateOnly? Date = null)
{
    public static ResolutionContext None { get; } = new();

    /// <summary>The family of a stored dataset name: ucdp-ged, ucdp-nonstate, … are all "ucdp".</summary>
    public static string Family(string dataset)
    {
        var dash = dataset.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? dataset : dataset[..dash];
    }
}
