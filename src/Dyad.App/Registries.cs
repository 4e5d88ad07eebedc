using Dyad.Actors;
using Dyad.Places;

namespace Dyad.App;

/// <summary>The reference data every import resolves against: who (the actor registry) and where (the gazetteer).</summary>
public sealed record Registries(ActorRegistry Actors, Gazetteer Gazetteer);
