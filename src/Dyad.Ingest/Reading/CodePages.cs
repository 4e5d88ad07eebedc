using System.Text;

namespace Dyad.Ingest.Reading;

/// <summary>
/// Makes Windows code pages available: .NET ships only the Unicode encodings, and both GTD's Windows-1252 text and
/// ExcelDataReader need the others.
/// </summary>
internal static class CodePages
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
