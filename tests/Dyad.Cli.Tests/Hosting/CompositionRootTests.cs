using Dyad.App.Attribution;
using Dyad.App.Demo;
using Dyad.App.Hosting;
using Dyad.App.Rivalry;
using Dyad.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dyad.Cli.Tests.Hosting;

/// <summary>One composition root: the application layer's services come from AddDyad for the command line and the server alike, checked when they start.</summary>
public sealed class CompositionRootTests
{
    [Fact]
    public void The_server_takes_the_application_layer_from_the_same_composition_root()
    {
        using var server = DyadServer.Build(new ServerOptions { Db = Path.Combine(Path.GetTempPath(), $"dyad-root-{Guid.NewGuid():N}.duckdb") });

        server.Services.GetRequiredService<ModelTraining>().ShouldNotBeNull();
        server.Services.GetRequiredService<DemoSteps>().ShouldNotBeNull();
        server.Services.GetRequiredService<RivalryService>().ShouldNotBeNull();
        server.Services.GetRequiredService<IOptions<DyadOptions>>().Value.Registry.ShouldBeNull();
    }

    [Fact]
    public void A_registry_that_does_not_exist_stops_the_program_at_start_not_at_the_first_request()
    {
        using var provider = new ServiceCollection().AddDyad(dyad => dyad.Registry = "/no/such/registry.json").BuildServiceProvider();

        Should.Throw<OptionsValidationException>(provider.ValidateOnStart).Message.ShouldContain("registry");
    }

    [Fact]
    public async Task A_command_is_built_by_the_container_with_what_the_front_end_and_the_application_layer_registered()
    {
        var run = await CliRun.Of("actors", "resolve", "Wilayat Khorasan", "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        run.Data.ShouldContain("iskp");
    }
}
