using Dyad.Sources;

namespace Dyad.Core.Tests.Claims;

/// <summary>Sources as the footnotes of the article Dyad began from cite them.</summary>
public sealed class ChicagoNoteTests
{
    [Fact]
    public void A_report_a_book_an_interview_and_an_agency_s_claim_are_cited_as_the_article_cites_them()
    {
        var report = new Source
        {
            Code = "KHAN-2019",
            Type = SourceType.Report,
            Author = "Amina Khan",
            Title = "Islamic State Khorasan Province (ISKP) in Afghanistan - An Assessment",
            Publisher = "The Institute of Strategic Studies, Islamabad Pakistan",
            Published = "Islamabad Papers 2019, No. 39",
        };
        var book = new Source { Code = "G", Type = SourceType.Book, Author = "Antonio Giustozzi", Title = "The Islamic State in Khorasan", Publisher = "Hurst", Published = "2018", Pages = "176-177" };
        var interview = new Source { Code = "ISK-30", Type = SourceType.Interview, Title = "IS-K 30, cadre, Farah", Published = "December 2015", Protection = Protection.Protected };
        var amaq = new Source
        {
            Code = "A",
            Type = SourceType.NewsAgency,
            Publisher = "Amaq News Agency",
            Title = "ISKP claimed killing and wounding 9 Taliban militants via two explosive devices in Kunar.",
            TranslatedFrom = "Arabic",
            AccessedVia = "liveuamap.com from twitter @natsecjeff",
            Published = "November 14th, 2019",
        };

        ChicagoNote.For(report).ShouldBe("Amina Khan, \"Islamic State Khorasan Province (ISKP) in Afghanistan - An Assessment,\" *The Institute of Strategic Studies, Islamabad Pakistan*, Islamabad Papers 2019, No. 39.");
        ChicagoNote.For(book).ShouldBe("Antonio Giustozzi, *The Islamic State in Khorasan* (Hurst, 2018), 176-177.");
        ChicagoNote.For(interview, showProtected: true).ShouldBe("Interview with IS-K 30, cadre, Farah, December 2015.");
        ChicagoNote.For(interview).ShouldBe("Interview ISK-30 (protected source; identity withheld).");
        ChicagoNote.For(amaq).ShouldBe("Report from Amaq News Agency: \"ISKP claimed killing and wounding 9 Taliban militants via two explosive devices in Kunar.\" Translated from Arabic. Accessed via liveuamap.com from twitter @natsecjeff. November 14th, 2019.");
    }

    [Theory]
    [InlineData('G', null)]
    [InlineData(null, 7)]
    public void A_grade_off_the_scale_is_refused(char? reliability, int? credibility) =>
        Should.Throw<DyadException>(() => new Source { Code = "X", Type = SourceType.Report, Reliability = reliability, Credibility = credibility }.Validated());
}
