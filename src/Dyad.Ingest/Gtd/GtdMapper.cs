using Dyad.Events;
using Dyad.Ingest.Mapping;

namespace Dyad.Ingest.Gtd;

/// <summary>
/// Maps START's Global Terrorism Database: the full 135-column release (.xlsx or .csv) and reduced extracts that keep
/// some of its columns, by name. Essential: a year and the perpetrator group; everything else is taken where present.
/// </summary>
/// <remarks>
/// GTD codes an unknown month or day as 0 (the date then has month or year precision), an unknown yes/no as -9, and
/// unknown counts as -99 or -9: all of these become null, not zero.
/// </remarks>
internal sealed class GtdMapper : EventMapper
{
    private readonly int _eventId, _year, _month, _day, _extended, _resolution;
    private readonly int _countryText, _countryCode, _provstate, _city, _latitude, _longitude, _specificity;
    private readonly int _gname, _gname2, _gname3, _corp1, _corp2, _corp3;
    private readonly int[] _attackText, _attackCode, _weaponText, _weaponCode, _targetText, _targetCode, _targetSubText;
    private readonly int[] _weaponSubText, _nationalityText, _nationalityCode;
    private readonly int _multiple, _property, _hostages, _perpetrators;
    private readonly int _suicide, _nkill, _nkillter, _nwound, _claimed, _claimModeText, _claimModeCode, _compclaim;
    private readonly int[] _guncertain;
    private readonly int _summary;
    private readonly int[] _citations;
    private readonly HashSet<int> _unknownCountryCodes = [];

    public GtdMapper(ColumnSet columns, string path) : base(columns)
    {
        Require(path, "a GTD file", ("year", ["iyear"]), ("perpetrator group", ["gname"]));
        _eventId = columns.Find("eventid");
        _year = columns.Find("iyear");
        _month = columns.Optional("imonth");
        _day = columns.Optional("iday");
        _extended = columns.Find("extended");
        _resolution = columns.Find("resolution");
        _countryText = columns.Find("country_txt");
        _countryCode = columns.Find("country");
        if (_countryText < 0 && _countryCode < 0)
        {
            columns.Optional("country_txt");
        }

        _provstate = columns.Optional("provstate");
        _city = columns.Optional("city");
        _latitude = columns.Optional("latitude");
        _longitude = columns.Optional("longitude");
        _specificity = columns.Find("specificity");
        _gname = columns.Find("gname");
        _gname2 = columns.Find("gname2");
        _gname3 = columns.Find("gname3");
        _corp1 = columns.Find("corp1");
        _corp2 = columns.Find("corp2");
        _corp3 = columns.Find("corp3");
        _attackText = Numbered(columns, "attacktype{0}_txt", 3);
        _attackCode = Numbered(columns, "attacktype{0}", 3);
        _weaponText = Numbered(columns, "weaptype{0}_txt", 4);
        _weaponCode = Numbered(columns, "weaptype{0}", 4);
        _targetText = Numbered(columns, "targtype{0}_txt", 3);
        _targetCode = Numbered(columns, "targtype{0}", 3);
        _targetSubText = Numbered(columns, "targsubtype{0}_txt", 3);
        _weaponSubText = Numbered(columns, "weapsubtype{0}_txt", 4);
        _nationalityText = Numbered(columns, "natlty{0}_txt", 3);
        _nationalityCode = Numbered(columns, "natlty{0}", 3);
        _multiple = columns.Find("multiple");
        _property = columns.Find("property");
        _hostages = columns.Find("ishostkid");
        _perpetrators = columns.Find("nperps");
        if (_attackText[0] < 0 && _attackCode[0] < 0)
        {
            columns.Optional("attacktype1_txt");
        }

        _suicide = columns.Find("suicide");
        _nkill = columns.Optional("nkill");
        _nkillter = columns.Find("nkillter");
        _nwound = columns.Optional("nwound");
        _claimed = columns.Optional("claimed");
        _claimModeText = columns.Find("claimmode_txt");
        _claimModeCode = columns.Find("claimmode");
        _compclaim = columns.Find("compclaim");
        _guncertain = Numbered(columns, "guncertain{0}", 3);
        _summary = columns.Find("summary");
        _citations = [columns.Find("scite1"), columns.Find("scite2"), columns.Find("scite3")];
    }

    public override string Dataset => Datasets.Gtd;

    public override DyadEvent Map(RowFields row, RowProvenance provenance)
    {
        var date = SourceDates.FromParts(row, _year, _month, _day);
        if (date.Precision == DatePrecision.Day && row.Flag(_extended) == true && !row.Span(_resolution).IsEmpty)
        {
            var resolved = SourceDates.DayOrSpreadsheetSerial(row, _resolution, SlashedDateOrder.MonthFirst);
            // A resolution before the start is a data-entry slip in the source; the start stands and the raw row keeps both.
            if (resolved > date.Start)
            {
                date = new EventDate(date.Start, resolved, DatePrecision.Day);
            }
        }

        var attackTypes = Labels(row, _attackText, _attackCode, GtdCodebook.AttackTypes);
        return new DyadEvent
        {
            Dataset = Datasets.Gtd,
            DatasetId = DatasetId(row, _eventId, provenance),
            Date = date,
            Place = new EventPlace
            {
                Country = Country(row),
                Admin1 = row.Text(_provstate),
                Name = row.Text(_city),
                Latitude = row.Latitude(_latitude),
                Longitude = row.Longitude(_longitude),
                GeoPrecision = row.Int(_specificity, 1, 5),
            },
            Actors = new EventActors
            {
                Roles = ActorRoles.PerpetratorTarget,
                Actor1 = row.Text(_gname) ?? throw row.Reject(_gname, "is empty; GTD names the perpetrator group (\"Unknown\" when it is not known)"),
                Actor1Associates = row.Texts([_gname2, _gname3]),
                Actor2 = TargetEntity(row.Text(_corp1)),
                Actor2Associates = [.. row.Texts([_corp2, _corp3]).Select(TargetEntity).OfType<string>()],
            },
            Category = new EventCategory
            {
                Type = "Terrorist attack",
                Subtype = attackTypes.Count > 0 ? attackTypes[0] : null,
                AttackTypes = attackTypes,
                WeaponTypes = Labels(row, _weaponText, _weaponCode, GtdCodebook.WeaponTypes),
                TargetTypes = Labels(row, _targetText, _targetCode, GtdCodebook.TargetTypes),
                TargetSubtypes = row.Texts(_targetSubText),
                Suicide = row.Flag(_suicide),
                WeaponSubtypes = row.Texts(_weaponSubText),
                // natlty codes are GTD's country codes.
                TargetNationalities = Labels(row, _nationalityText, _nationalityCode, GtdCodebook.Countries),
                PartOfMultiple = row.Flag(_multiple),
                PropertyDamage = row.Flag(_property),
                Hostages = row.Flag(_hostages),
                Perpetrators = row.Count(_perpetrators, GtdCodebook.UnknownCounts),
            },
            Deaths = new DeathToll
            {
                Best = row.Count(_nkill, GtdCodebook.UnknownCounts),
                Actor1 = row.Count(_nkillter, GtdCodebook.UnknownCounts),
                Wounded = row.Count(_nwound, GtdCodebook.UnknownCounts),
            },
            Claim = new ClaimInfo
            {
                Claimed = row.Flag(_claimed),
                Mode = row.Text(_claimModeText) ?? Label(row, _claimModeCode, GtdCodebook.ClaimModes),
                Competing = row.Flag(_compclaim),
                AttributionUncertain = Suspected(row),
            },
            Notes = row.Text(_summary),
            Citations = Join(row.Texts(_citations)),
            Provenance = provenance,
        };
    }

    public override IEnumerable<string> Warnings()
    {
        foreach (var warning in base.Warnings())
        {
            yield return warning;
        }

        if (_unknownCountryCodes.Count > 0)
        {
            yield return $"GTD country code(s) {string.Join(", ", _unknownCountryCodes.Order())} are not in Dyad's codebook list; those events have no country name.";
        }
    }

    /// <summary>
    /// Whether GTD marks any group it names as suspected rather than known (guncertain1..3, each for gname1..3): with
    /// two or three groups named, the attack is then open between them. Null when the file has none of the flags.
    /// </summary>
    private bool? Suspected(RowFields row)
    {
        var groups = new[] { _gname, _gname2, _gname3 };
        bool? suspected = null;
        for (var i = 0; i < _guncertain.Length; i++)
        {
            if (i == 0 || row.Text(groups[i]) is not null)
            {
                suspected = row.Flag(_guncertain[i]) is { } flag ? (suspected ?? false) || flag : suspected;
            }
        }

        return suspected;
    }

    /// <summary>GTD writes "Not Applicable" or "Unknown" where an attack had no target entity, or none is known.</summary>
    private static string? TargetEntity(string? corp) => corp is null or "Not Applicable" or "Unknown" ? null : corp;

    private string? Country(RowFields row)
    {
        if (row.Text(_countryText) is { } name)
        {
            return name;
        }

        if (row.Int(_countryCode) is not { } code)
        {
            return null;
        }

        if (GtdCodebook.Countries.TryGetValue(code, out var known))
        {
            return known;
        }

        _unknownCountryCodes.Add(code);
        return null;
    }

    /// <summary>The labels of numbered GTD fields (attacktype1..3): the _txt column where the file has it, else the code's label.</summary>
    private static IReadOnlyList<string> Labels(RowFields row, int[] textColumns, int[] codeColumns, IReadOnlyDictionary<int, string> codebook)
    {
        List<string>? labels = null;
        for (var i = 0; i < textColumns.Length; i++)
        {
            var label = row.Text(textColumns[i]) ?? Label(row, codeColumns[i], codebook);
            if (label is not null)
            {
                (labels ??= []).Add(label);
            }
        }

        return labels is null ? [] : labels;
    }

    private static string? Label(RowFields row, int codeColumn, IReadOnlyDictionary<int, string> codebook) =>
        row.Int(codeColumn) is { } code ? codebook.GetValueOrDefault(code) : null;

    private static int[] Numbered(ColumnSet columns, string pattern, int count) =>
        [.. Enumerable.Range(1, count).Select(i => columns.Find(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, i)))];

    private static string? Join(IReadOnlyList<string> parts) => parts.Count == 0 ? null : string.Join("\n", parts);
}
