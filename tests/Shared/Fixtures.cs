namespace Dyad.Testing;

/// <summary>Small files in the datasets' real layouts, with invented values (no GTD or ACLED rows).</summary>
internal static class Fixtures
{
    public const string GtdHeader = "eventid,iyear,imonth,iday,extended,resolution,country,country_txt,provstate,city,latitude,longitude,specificity,summary,gname,gname2,claimed,claimmode_txt,attacktype1,attacktype1_txt,targtype1_txt,corp1,weaptype1_txt,nkill,nkillter,nwound,suicide";

    /// <summary>A GTD-layout CSV with the given data lines after <see cref="GtdHeader"/>.</summary>
    public static string Gtd(params string[] rows) => GtdHeader + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>An ordinary GTD-layout row with the given id; the other fields are invented but valid.</summary>
    public static string GtdRow(long id, string gname = "Invented Group A", string country = "Afghanistan", int year = 2020, int month = 5, int day = 8) =>
        $"{id},{year},{month},{day},0,,4,{country},Nangarhar,Jalalabad,34.43,70.45,1,\"An invented attack, for a test.\",{gname},,0,,3,Bombing/Explosion,Military,Invented Army,Explosives,2,0,5,0";

    public const string AcledHeader = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities";

    public static string Acled(params string[] rows) => AcledHeader + "\n" + string.Join("\n", rows) + "\n";
}
