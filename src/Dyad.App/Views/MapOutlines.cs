using System.Text.Json;
using Dyad.Places;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Simplify;

namespace Dyad.App.Views;

/// <summary>
/// The gazetteer's own outlines as GeoJSON for a map drawn without tiles: every country's provinces (level 1) or
/// districts (level 2), simplified to what a screen shows, each with its id and name.
/// </summary>
public static class MapOutlines
{
    /// <summary>How far (in degrees) a simplified outline may stray: about 2 km for provinces, 1 km for districts.</summary>
    private static double Tolerance(int level) => level == 1 ? 0.02 : 0.01;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new GeoJsonConverterFactory() } };

    public static string GeoJson(Gazetteer gazetteer, int level)
    {
        var features = new FeatureCollection();
        foreach (var country in gazetteer.Countries)
        {
            foreach (var (unit, outline) in gazetteer.Outlines(country, level))
            {
                var attributes = new AttributesTable { { "id", unit.Id }, { "name", unit.Name }, { "country", unit.Country }, { "parent", unit.ParentId ?? "" } };
                features.Add(new Feature(TopologyPreservingSimplifier.Simplify(outline, Tolerance(level)), attributes));
            }
        }

        return JsonSerializer.Serialize(features, Json);
    }
}
