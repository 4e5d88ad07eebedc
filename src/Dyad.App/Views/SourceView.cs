using Dyad.Sources;

namespace Dyad.App.Views;

/// <summary>Sources for machines, the same from the CLI's --json and the API. A source the reader may not see is shown by its code, kind and grade only.</summary>
public static class SourceView
{
    public static object Of(Source source, bool showProtected) => showProtected || source.IsOpen
        ? new
        {
            source.Id,
            source.Code,
            Type = SourceFields.Word(source.Type),
            source.Author,
            source.Title,
            source.Publisher,
            source.Published,
            source.Url,
            source.Accessed,
            source.AccessedVia,
            source.Language,
            source.TranslatedFrom,
            source.Pages,
            source.Grade,
            Protection = SourceFields.Word(source.Protection),
            source.Notes,
            Citation = ChicagoNote.For(source, showProtected),
        }
        : new { source.Id, source.Code, Type = SourceFields.Word(source.Type), source.Grade, Protection = SourceFields.Word(source.Protection), Citation = ChicagoNote.For(source, showProtected) };
}
