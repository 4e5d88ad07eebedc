using Dyad.Sources;
using Dyad.Testing;

namespace Dyad.Core.Tests.Claims;

public sealed class CaseFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_case_file_is_told_from_geojson_and_from_broken_json_by_its_keys()
    {
        _folder.Write("case.json", """{"about": "notes", "sources": [{"code": "X", "type": "report"}]}""");
        _folder.Write("points.json", """{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"sources": 1}}]}""");
        _folder.Write("broken.json", "{\"sources\"");
        _folder.Write("latin1.json", new byte[] { 0x7B, 0xE9, 0x7D });

        CaseFile.Is(_folder.File("case.json")).ShouldBeTrue();
        CaseFile.Is(_folder.File("points.json")).ShouldBeFalse();
        CaseFile.Is(_folder.File("latin1.json")).ShouldBeFalse();
        CaseFile.Read(_folder.File("case.json")).Sources.ShouldHaveSingleItem().Code.ShouldBe("X");
        Should.Throw<DyadException>(() => CaseFile.Read(_folder.File("broken.json"))).Kind.ShouldBe(DyadErrorKind.BadInput);
    }
}
