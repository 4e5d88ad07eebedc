using Dyad.Actors;
using Dyad.Claims;
using Dyad.Places;

namespace Dyad.App;

/// <summary>
/// The reference data every import resolves against: who (the actor registry) and where (the gazetteer), and how the
/// movements speak (their idiom, for reading statements; none when not given).
/// </summary>
public sealed record Registries(ActorRegistry Actors, Gazetteer Gazetteer, ClaimVocabulary? Vocabulary = null);
