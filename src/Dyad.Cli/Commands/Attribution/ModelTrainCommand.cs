using System.ComponentModel;
using Dyad.App.Attribution;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Attribution;

public sealed class ModelTrainSettings : ModelOptions
{
    [CommandOption("--until <DAY>")]
    [Description("Train only on attacks before this day (yyyy-MM-dd).")]
    public string? Until { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Where to write the model. Defaults to the store's name with .model.zip (dyad.model.zip).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() => DayOption.Validate(("--until", Until)) is { Successful: false } bad ? bad : base.Validate();
}

public sealed class ModelTrainCommand(CliOutput output, ModelTraining training) : AsyncCommand<ModelTrainSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ModelTrainSettings settings, CancellationToken cancellationToken)
    {
        var model = training.Train(settings.Db, settings.Registry, settings.ToRequest(), DayOption.Parse(settings.Until), cancellationToken);
        var path = settings.Out ?? settings.DefaultModelPath();
        model.Save(path);
        output.Result(settings.Json, new { model = Path.GetFullPath(path), metadata = model.Metadata }, () => AttributionRenderer.RenderModel(output.Console, model.Metadata, path));

        return Task.FromResult(ExitCodes.Success);
    }
}
