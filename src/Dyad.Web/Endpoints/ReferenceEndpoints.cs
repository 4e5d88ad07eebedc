using System.Collections.Concurrent;
using System.ComponentModel;
using Dyad.Actors;
using Dyad.App;
using Dyad.App.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>An actor of the registry, as the API lists it.</summary>
public sealed record ActorView(string Id, string Name, string ShortName, string Kind, IReadOnlyList<ActorRelation> Relations, IReadOnlyList<string> Names);

/// <summary>A gazetteer unit, as the API lists it.</summary>
public sealed record PlaceView(string Id, string Name, string Country, int Level, string? Parent, IReadOnlyList<string> Names);

/// <summary>Who and where: the actor registry and the gazetteer, and the map's outlines.</summary>
internal static class ReferenceEndpoints
{
    private static readonly ConcurrentDictionary<int, string> Outlines = new();

    public static void Map(RouteGroupBuilder api)
    {
        var actors = api.MapGroup("/actors").WithTags("Actors");
        actors.MapGet("", (Registries registries) => TypedResults.Ok(registries.Actors.Actors.Select(ActorOf).ToList()))
            .WithSummary("Every actor of the registry, with its names in every script and its relations.");
        actors.MapGet("/resolve", (Registries registries, [Description("A name as a source writes it.")] string name, string? dataset, string? country, DateOnly? date) =>
            TypedResults.Ok(registries.Actors.Resolve(name, new ResolutionContext(dataset is null ? null : ResolutionContext.Family(dataset), country, date))))
            .WithSummary("What a name resolves to, in a dataset, country and day.");

        var places = api.MapGroup("/places").WithTags("Places");
        places.MapGet("", (Registries registries, [Description("1 provinces, 2 districts; both when left out.")] int? level) =>
            TypedResults.Ok(registries.Gazetteer.Units.Where(u => level is null || u.Level == level).OrderBy(u => u.Id, StringComparer.Ordinal)
                .Select(u => new PlaceView(u.Id, u.Name, u.Country, u.Level, u.ParentId, [.. u.Names.Select(n => n.Name)])).ToList()))
            .WithSummary("The gazetteer's provinces and districts.");
        places.MapGet("/resolve", (Registries registries, string name, string? country, int? level) => TypedResults.Ok(registries.Gazetteer.Resolve(name, country, level)))
            .WithSummary("What a place name means in the gazetteer (Ningarhar, Konar, Korengal …).");
        places.MapGet("/outlines/{level:int}", Outline).WithSummary("The gazetteer's outlines of provinces (1) or districts (2) as GeoJSON, simplified for a screen.");
    }

    private static Results<ContentHttpResult, NotFound> Outline(int level, Registries registries, HttpContext context)
    {
        if (level is not (1 or 2))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.Content(Outlines.GetOrAdd(level, l => MapOutlines.GeoJson(registries.Gazetteer, l)), "application/geo+json");
    }

    private static ActorView ActorOf(Actor actor) => new(actor.Id, actor.Name, actor.ShortName, actor.Kind, actor.Relations, [.. actor.Names.Select(n => n.Name)]);
}
