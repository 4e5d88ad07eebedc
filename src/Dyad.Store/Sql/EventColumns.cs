using Dyad.Events;

namespace Dyad.Store.Sql;

/// <summary>How model values are written in the events table's text and list columns, and read back.</summary>
internal static class EventColumns
{
    public static string Precision(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Week => "week",
        DatePrecision.Month => "month",
        DatePrecision.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(precision)),
    };

    public static DatePrecision Precision(string text) => text switch
    {
        "day" => DatePrecision.Day,
        "week" => DatePrecision.Week,
        "month" => DatePrecision.Month,
        "year" => DatePrecision.Year,
        _ => throw new InvalidOperationException($"Unknown date precision '{text}' in the store."),
    };

    public static string Roles(ActorRoles roles) => roles == ActorRoles.PerpetratorTarget ? "perpetrator-target" : "sides";

    public static ActorRoles Roles(string text) => text == "perpetrator-target" ? ActorRoles.PerpetratorTarget : ActorRoles.Sides;
}
