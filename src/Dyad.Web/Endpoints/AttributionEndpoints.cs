using System.ComponentModel;
using Dyad.App.Views;
using Dyad.Attribution;
using Dyad.Attribution.Attacks;
using Dyad.Web.Attribution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>An attack nobody has claimed, as the list of them shows it.</summary>
public sealed record UnclaimedAttack(long EventId, string Dataset, string DatasetId, string Date, string? Country, string? Province, string? Place, string? SourceSays,
    string? Type, int? Deaths);

/// <summary>An attribution with what other sources say of the attack: a claim recorded against it, or a linked report that names a group.</summary>
public sealed record AttributionAnswer(AttributionView Attribution, OutsideEvidence? NamedElsewhere, IReadOnlyList<string> Groups, string Model);

/// <summary>Who did it: attacks nobody claimed, and the model's answer for any attack.</summary>
internal static class AttributionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var attribution = api.MapGroup("/attribution").WithTags("Attribution");
        attribution.MapGet("/unclaimed", async (AttributionCache cache, HttpContext context, [Description("At most this many, latest first (100 by default).")] int? limit) =>
        {
            var service = await cache.Get(context.RequestAborted);
            return TypedResults.Ok(service.Unclaimed().Take(Math.Clamp(limit ?? 100, 1, 1000)).Select(Unclaimed).ToList());
        }).WithSummary("The attacks whose perpetrator no source names, in the model's countries, latest first.");
        attribution.MapGet("/{id}", async (string id, AttributionCache cache, HttpContext context) =>
        {
            var service = await cache.Get(context.RequestAborted);
            var attack = service.Find(id);
            var answer = service.Attribute([attack.Status == PerpetratorStatus.Known ? attack.WithPerpetratorHidden() : attack])[0];
            return TypedResults.Ok(new AttributionAnswer(AttributionView.Of(answer), attack.NamedElsewhere, service.Model.Metadata.ClassNames,
                $"{service.Model.Metadata.TrainingAttacks:N0} attacks, trained {service.Model.Metadata.CreatedAt:yyyy-MM-dd}"));
        }).WithSummary("Who most likely carried out an attack (a store id or DATASET:ID): calibrated probabilities, the verdict, the features that drove it and the most similar past attacks.");
        attribution.MapGet("/model", async (AttributionCache cache, HttpContext context) => TypedResults.Ok((await cache.Get(context.RequestAborted)).Model.Metadata))
            .Produces<ModelMetadata>().WithSummary("The model the server attributes with: its groups, training attacks, validation figures.");
    }

    private static UnclaimedAttack Unclaimed(Attack a)
    {
        var e = a.Event;
        return new UnclaimedAttack(a.EventId, e.Dataset, e.DatasetId, e.Date.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Place.Country,
            e.Place.Admin1, e.Place.Name, e.Actors.Actor1, e.Category.Subtype ?? e.Category.Type ?? e.Category.AttackTypes.FirstOrDefault(), e.Deaths.Best);
    }
}
