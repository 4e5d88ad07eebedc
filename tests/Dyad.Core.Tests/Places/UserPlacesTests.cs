using Dyad.Places;
using Dyad.Testing;

namespace Dyad.Core.Tests.Places;

/// <summary>A user's own places, read over the shipped gazetteer.</summary>
public sealed class UserPlacesTests
{
    [Fact]
    public void Should_Add_A_Users_Place_And_Locate_It_In_Its_District_When_It_Does_Not_Say()
    {
        using var folder = new TempFolder();
        var places = folder.Write("places.json", """
            {"places": [{"name": "Invented Shrine of Jalalabad", "names": [{"name": "زیارت", "script": "persian"}], "lat": 34.4265, "lon": 70.4515,
                         "kind": "shrine", "source": "an analyst's field notes"}]}
            """);

        var gazetteer = Gazetteer.Load(Registries.GazetteerFolder, [places]);

        var place = gazetteer.Places.Single(p => p.Name == "Invented Shrine of Jalalabad");
        place.Admin1Id.ShouldBe("af/nangarhar");
        place.Admin2Id.ShouldBe(Registries.Gazetteer.Locate(34.4265, 70.4515).Admin2!.Id);
        gazetteer.Places.Count.ShouldBe(Registries.Gazetteer.Places.Count + 1);
    }

    [Fact]
    public void Should_Name_The_Users_File_When_It_Is_Not_Readable()
    {
        using var folder = new TempFolder();
        var places = folder.Write("places.json", "{\"places\": [{\"name\": \"no coordinates\"}]}");

        var error = Should.Throw<DyadException>(() => Gazetteer.Load(Registries.GazetteerFolder, [places]));

        error.Kind.ShouldBe(DyadErrorKind.BadInput);
        error.Message.ShouldStartWith(places);
    }
}
