using System.ComponentModel;
using System.Globalization;
using Dyad.App;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Places;

public sealed class PlacesLocateSettings : CommandSettings
{
    [CommandArgument(0, "<LAT>")]
    [Description("Latitude, decimal degrees.")]
    public string Latitude { get; init; } = "";

    [CommandArgument(1, "<LON>")]
    [Description("Longitude, decimal degrees.")]
    public string Longitude { get; init; } = "";

    [CommandOption("--json")]
    [Description("Print JSON.")]
    public bool Json { get; init; }

    public double Lat => double.Parse(Latitude, CultureInfo.InvariantCulture);

    public double Lon => double.Parse(Longitude, CultureInfo.InvariantCulture);

    public override ValidationResult Validate()
    {
        var valid = double.TryParse(Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180;
        return valid ? ValidationResult.Success() : ValidationResult.Error($"'{Latitude} {Longitude}' is not a latitude and a longitude in decimal degrees (e.g. 34.43 70.45).");
    }
}

public sealed class PlacesLocateCommand(CliOutput output) : AsyncCommand<PlacesLocateSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, PlacesLocateSettings settings, CancellationToken cancellationToken)
    {
        var location = RegistryFiles.LoadGazetteer().Locate(settings.Lat, settings.Lon);
        if (settings.Json)
        {
            DyadJson.Write(output.Data, new
            {
                settings.Lat,
                settings.Lon,
                Province = location.Admin1 is { } p ? new { p.Id, p.Name, p.Country } : null,
                District = location.Admin2 is { } d ? new { d.Id, d.Name } : null,
                Fata = location.HistoricalAdmin1 is not null,
                Method = "point-in-polygon",
            });
            return Task.FromResult(ExitCodes.Success);
        }

        if (location.Admin1 is null)
        {
            output.Console.MarkupLine("The point lies outside the gazetteer's outlines (Afghanistan and Pakistan).");
            return Task.FromResult(ExitCodes.Success);
        }

        output.Console.MarkupLine($"[bold]{Markup.Escape(location.Admin1.Name)}[/] ({location.Admin1.Id}), {location.Admin1.Country}" +
            (location.Admin2 is { } district ? $"; district [bold]{Markup.Escape(district.Name)}[/] ({district.Id})" : "") +
            (location.HistoricalAdmin1 is not null ? "; in the former Federally Administered Tribal Areas (FATA until 31 May 2018)" : "") + ".");
        return Task.FromResult(ExitCodes.Success);
    }
}
