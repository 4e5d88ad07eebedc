using System.Text;
using Dyad.Events;
using Dyad.Testing;

namespace Dyad.Ingest.Tests;

/// <summary>
/// Bad files and bad rows never crash the reader and never lose a row: a file that cannot be read at all is refused
/// with a message naming it; a row that cannot be mapped comes out as a rejection naming its row and column.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_Refuse_An_Empty_File_Naming_It()
    {
        var path = _folder.Write("empty.csv", "");

        var error = Should.Throw<DyadException>(() => FileRead.Of(path));

        error.Kind.ShouldBe(DyadErrorKind.BadInput);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("empty");
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x25, 0xE2, 0xE3, 0xCF, 0xD3 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D })]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x41, 0x2C })]
    public void Should_Refuse_A_File_That_Is_Not_Text_Without_Reading_Its_Bytes_As_Columns(byte[] head)
    {
        var path = _folder.Write("report.csv", head);

        var error = Should.Throw<DyadException>(() => FileRead.Of(path));

        error.Kind.ShouldBe(DyadErrorKind.BadInput);
        error.Message.ShouldBe($"{path}: not a text table or a workbook Dyad can read (its first bytes are not text). Dyad reads CSV and TSV (any encoding), .xlsx and GeoJSON as the datasets issue them.");
    }

    [Fact]
    public void Should_Read_No_Rows_From_A_Header_Only()
    {
        var read = FileRead.Of(_folder.Write("header.csv", Fixtures.GtdHeader + "\n"));

        read.Read.ShouldBe(0);
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Header_Saying_What_Dyad_Expects()
    {
        var path = _folder.Write("unknown.csv", "name,when,how many\nx,2020-01-01,3\n");

        var error = Should.Throw<DyadException>(() => FileRead.Of(path));

        error.Message.ShouldContain("name, when, how many");
        error.Message.ShouldContain("--format gtd|acled|ucdp");
        error.Row.ShouldBe(1);
    }

    [Fact]
    public void Should_Refuse_A_File_That_Lacks_An_Essential_Column_Naming_It()
    {
        var path = _folder.Write("nogname.csv", "eventid,iyear,imonth,iday,country_txt\n1,2020,1,1,Afghanistan\n");

        var error = Should.Throw<DyadException>(() => FileRead.Of(path, Dyad.Ingest.Formats.FormatFamily.Gtd));

        error.Message.ShouldContain("gname");
        error.Column.ShouldBe("gname");
    }

    [Fact]
    public void Should_Refuse_A_Header_With_A_Repeated_Column()
    {
        var path = _folder.Write("twice.csv", "eventid,iyear,gname,gname\n1,2020,A,B\n");

        Should.Throw<DyadException>(() => FileRead.Of(path)).Message.ShouldContain("'gname' twice");
    }

    [Fact]
    public void Should_Reject_A_Value_Of_The_Wrong_Type_Naming_Row_And_Column()
    {
        var bad = Fixtures.GtdRow(2).Replace(",2,0,5,0", ",many,0,5,0", StringComparison.Ordinal);
        var read = FileRead.Of(_folder.Write("types.csv", Fixtures.Gtd(Fixtures.GtdRow(1), bad, Fixtures.GtdRow(3))));

        read.Events.Count.ShouldBe(2);
        var reject = read.Rejects.ShouldHaveSingleItem();
        reject.Row.ShouldBe(3);
        reject.Column.ShouldBe("nkill");
        reject.Value.ShouldBe("many");
        reject.Reason.ShouldContain("not a number");
        reject.Raw.ShouldBe(bad);
    }

    [Theory]
    [InlineData(25, 5, 8, "iyear")]
    [InlineData(2020, 13, 8, "imonth")]
    [InlineData(2020, 5, 32, "iday")]
    [InlineData(2021, 2, 29, "iday")]
    public void Should_Reject_An_Impossible_Gtd_Date(int year, int month, int day, string column)
    {
        var read = FileRead.Of(_folder.Write("dates.csv", Fixtures.Gtd(Fixtures.GtdRow(1, year: year, month: month, day: day))));

        read.Rejects.ShouldHaveSingleItem().Column.ShouldBe(column);
    }

    [Fact]
    public void Should_Read_Gtd_Day_Zero_As_A_Date_Known_To_The_Month()
    {
        var read = FileRead.Of(_folder.Write("day0.csv", Fixtures.Gtd(Fixtures.GtdRow(1, month: 2, day: 0), Fixtures.GtdRow(2, month: 0, day: 0))));

        read.Single("1").Date.ShouldBe(EventDate.InMonth(2020, 2));
        read.Single("2").Date.ShouldBe(EventDate.InYear(2020));
    }

    [Theory]
    [InlineData("0025-03-01")]
    [InlineData("2021-02-30")]
    [InlineData("2021-02-00")]
    [InlineData("2021-01-32")]
    [InlineData("yesterday")]
    public void Should_Reject_An_Impossible_Acled_Date(string date)
    {
        var row = $"AFG1,{date},2021,1,Battles,Armed clash,Taliban,,Islamic State (Afghanistan),,Afghanistan,Nangarhar,Achin,Achin,34.1,70.7,1,Invented,Invented notes,3";

        var reject = FileRead.Of(_folder.Write("acled.csv", Fixtures.Acled(row))).Rejects.ShouldHaveSingleItem();

        reject.Column.ShouldBe("event_date");
        reject.Value.ShouldBe(date);
        reject.Row.ShouldBe(2);
    }

    private static string AcledRow(string date, string fatalities = "3") =>
        $"AFG1,{date},2021,1,Battles,Armed clash,Taliban,,Islamic State (Afghanistan),,Afghanistan,Nangarhar,Achin,Achin,34.1,70.7,1,Invented,Invented notes,{fatalities}";

    [Fact]
    public void Should_Refuse_A_Slashed_Date_That_Can_Be_Read_Two_Ways_Naming_Both()
    {
        var reject = FileRead.Of(_folder.Write("acled.csv", Fixtures.Acled(AcledRow("08/05/2021")))).Rejects.ShouldHaveSingleItem();

        reject.Row.ShouldBe(2);
        reject.Column.ShouldBe("event_date");
        reject.Reason.ShouldContain("May 8 or August 5");
    }

    [Theory]
    [InlineData("25/05/2021")]
    [InlineData("05/25/2021")]
    [InlineData("05/05/2021")]
    public void Should_Read_A_Slashed_Date_That_Only_One_Reading_Makes_Real(string date)
    {
        FileRead.Of(_folder.Write("acled.csv", Fixtures.Acled(AcledRow(date)))).Events.ShouldHaveSingleItem()
            .Date.ShouldBe(EventDate.OnDay(new DateOnly(2021, 5, date.StartsWith("25", StringComparison.Ordinal) || date.Contains("/25/", StringComparison.Ordinal) ? 25 : 5)));
    }

    [Fact]
    public void Should_Read_Slashed_Ucdp_Dates_Month_First_As_Its_Api_Writes_Them()
    {
        var file = _folder.Write("ged.csv", "id,side_a,side_b,date_start,date_end,country,latitude,longitude,best\n1,Government of Afghanistan,Taleban,08/05/2021,08/05/2021,Afghanistan,34.1,70.7,3\n");

        FileRead.Of(file).Events.ShouldHaveSingleItem().Date.ShouldBe(EventDate.OnDay(new DateOnly(2021, 8, 5)));
    }

    [Fact]
    public void Should_Reject_A_Negative_Count_That_Is_No_Code_For_Unknown()
    {
        var reject = FileRead.Of(_folder.Write("acled.csv", Fixtures.Acled(AcledRow("2021-05-08", "-3")))).Rejects.ShouldHaveSingleItem();

        reject.Column.ShouldBe("fatalities");
        reject.Reason.ShouldContain("negative");
    }

    [Fact]
    public void Should_Read_Gtds_Codes_For_Unknown_As_No_Count_And_Refuse_Other_Negatives()
    {
        var read = FileRead.Of(_folder.Write("gtd.csv", Fixtures.Gtd(
            Fixtures.GtdRow(1).Replace(",2,0,5,0", ",-99,0,5,0", StringComparison.Ordinal),
            Fixtures.GtdRow(2).Replace(",2,0,5,0", ",-4,0,5,0", StringComparison.Ordinal))));

        read.Single("1").Deaths.Best.ShouldBeNull();
        var reject = read.Rejects.ShouldHaveSingleItem();
        reject.Column.ShouldBe("nkill");
        reject.Reason.ShouldContain("-99, -9");
    }

    [Fact]
    public void Should_Read_Bytes_That_Are_Not_Utf8_As_Windows_1252_And_Say_So()
    {
        var text = Fixtures.Gtd(Fixtures.GtdRow(1).Replace("Jalalabad", "Jal\u00e9l\u00e1b\u00e1d", StringComparison.Ordinal));
        var bytes = Encoding.Latin1.GetBytes(text);

        var read = FileRead.Of(_folder.Write("cp1252.csv", bytes));

        read.Single("1").Place.Name.ShouldBe("Jalélábád");
        read.Warnings.ShouldContain(w => w.Contains("3 byte(s)") && w.Contains("Windows-1252"));
    }

    [Fact]
    public void Should_Read_Utf8_With_A_Byte_Order_Mark_And_Non_Latin_Script()
    {
        var text = Fixtures.Gtd(Fixtures.GtdRow(1).Replace("Jalalabad", "جلال‌آباد", StringComparison.Ordinal));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var read = FileRead.Of(_folder.Write("bom.csv", bytes));

        read.Single("1").Place.Name.ShouldBe("جلال‌آباد");
        read.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Should_Keep_A_One_Megabyte_Field_Whole()
    {
        var summary = new string('x', 1_000_000);
        var row = Fixtures.GtdRow(1).Replace("An invented attack, for a test.", summary, StringComparison.Ordinal);

        var read = FileRead.Of(_folder.Write("big.csv", Fixtures.Gtd(row, Fixtures.GtdRow(2))));

        read.Events.Count.ShouldBe(2);
        read.Single("1").Notes!.Length.ShouldBe(1_000_000);
    }

    [Fact]
    public void Should_Read_Quoted_Newlines_And_Quotes_Inside_A_Field()
    {
        var row = Fixtures.GtdRow(1).Replace("\"An invented attack, for a test.\"", "\"First line\nsecond \"\"quoted\"\" line\"", StringComparison.Ordinal);

        var read = FileRead.Of(_folder.Write("newlines.csv", Fixtures.Gtd(row, Fixtures.GtdRow(2))));

        read.Single("1").Notes.ShouldBe("First line\nsecond \"quoted\" line");
        read.Single("1").Provenance.Raw.ShouldBe(row, "the verbatim row keeps its quoting");
        read.Single("2").Provenance.Row.ShouldBe(3);
    }

    [Fact]
    public void Should_Reject_A_Row_With_Too_Few_Fields_And_Go_On()
    {
        var read = FileRead.Of(_folder.Write("short.csv", Fixtures.Gtd(Fixtures.GtdRow(1), "2,2020,5", Fixtures.GtdRow(3))));

        read.Events.Count.ShouldBe(2);
        read.Rejects.ShouldHaveSingleItem().Reason.ShouldContain("3 field(s) where the header has 27");
    }

    [Fact]
    public void Should_Point_At_A_Quote_That_Is_Never_Closed()
    {
        // The summary's quote opens and never closes: everything to the end of the file falls into one field.
        var open = Fixtures.GtdRow(2).Replace("a test.\"", "a test.", StringComparison.Ordinal);

        var read = FileRead.Of(_folder.Write("unclosed.csv", Fixtures.Gtd(Fixtures.GtdRow(1), open, Fixtures.GtdRow(3), Fixtures.GtdRow(4))));

        read.Events.Count.ShouldBe(1);
        var reject = read.Rejects.ShouldHaveSingleItem();
        reject.Row.ShouldBe(3);
        reject.Reason.ShouldContain("quote that is never closed");
        reject.Raw.ShouldContain(Fixtures.GtdRow(4), Case.Sensitive, "the rows it swallowed are kept in the reject");
    }

    [Fact]
    public void Should_Refuse_A_Truncated_Workbook_Naming_It()
    {
        var whole = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gtd_invented_3rows.xlsx"));
        var path = _folder.Write("truncated.xlsx", whole[..(whole.Length / 2)]);

        var error = Should.Throw<DyadException>(() => FileRead.Of(path));

        error.Kind.ShouldBe(DyadErrorKind.BadInput);
        error.Message.ShouldContain("truncated.xlsx");
        error.Message.ShouldContain("truncated or damaged");
    }

    [Fact]
    public void Should_Refuse_A_File_That_Is_Not_There()
    {
        Should.Throw<DyadException>(() => FileRead.Of(_folder.File("missing.csv"))).Message.ShouldContain("no such file");
    }
}
