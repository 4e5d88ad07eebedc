using Dyad.Events;

namespace Dyad.Core.Tests.Events;

public sealed class EventDateTests
{
    [Fact]
    public void Should_Span_The_Whole_Month_When_Only_The_Month_Is_Known()
    {
        var february = EventDate.InMonth(2020, 2);

        february.Start.ShouldBe(new DateOnly(2020, 2, 1));
        february.End.ShouldBe(new DateOnly(2020, 2, 29));
        february.Precision.ShouldBe(DatePrecision.Month);
        february.ToString().ShouldBe("2020-02");
    }

    [Fact]
    public void Should_Span_The_Whole_Year_When_Only_The_Year_Is_Known()
    {
        var year = EventDate.InYear(2015);

        (year.Start, year.End).ShouldBe((new DateOnly(2015, 1, 1), new DateOnly(2015, 12, 31)));
        year.ToString().ShouldBe("2015");
    }

    [Fact]
    public void Should_Show_A_Range_As_Its_First_And_Last_Day()
    {
        new EventDate(new DateOnly(2015, 5, 24), new DateOnly(2015, 5, 25), DatePrecision.Day).ToString().ShouldBe("2015-05-24..2015-05-25");
        EventDate.OnDay(new DateOnly(2021, 8, 15)).ToString().ShouldBe("2021-08-15");
    }

    [Fact]
    public void Should_Refuse_An_End_Before_The_Start() =>
        Should.Throw<ArgumentException>(() => new EventDate(new DateOnly(2021, 8, 15), new DateOnly(2021, 8, 14), DatePrecision.Day));
}
