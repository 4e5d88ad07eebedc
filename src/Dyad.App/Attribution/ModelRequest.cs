using Dyad.Actors;
using Dyad.Attribution.Training;

namespace Dyad.App.Attribution;

/// <summary>
/// What a model is to be trained on, as an analyst names it (groups by any name the registry resolves), shared by
/// training and backtests, from the command line or the server.
/// </summary>
public sealed record ModelRequest
{
    /// <summary>Only attacks in these countries (as the sources name them); empty: all.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The candidate groups by any of their names; empty: every group with <see cref="MinimumEvents"/> attacks.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    public int MinimumEvents { get; init; } = 10;

    public bool GroupActivity { get; init; }

    public bool StateForces { get; init; }

    public bool Text { get; init; } = true;

    public int Seed { get; init; } = 1;

    /// <exception cref="DyadException">BadUsage: a group the registry does not know.</exception>
    public TrainingOptions ToTrainingOptions(ActorRegistry registry, DateOnly? until) => new()
    {
        Until = until,
        Countries = Countries,
        Groups = [.. Groups.Select(name => registry.Lookup(name)?.Id
            ?? throw DyadException.BadUsage($"--groups: '{name}' is not an actor the registry knows; 'dyad actors resolve \"{name}\"' shows what it resolves to."))],
        MinimumEvents = MinimumEvents,
        GroupActivity = GroupActivity,
        StateForces = StateForces,
        Text = Text,
        Seed = Seed,
    };
}
