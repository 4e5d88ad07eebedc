using Dyad.App.Attribution;
using Dyad.App.Demo;
using Dyad.App.Rivalry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dyad.App.Hosting;

/// <summary>
/// Dyad's one composition root: the application layer's services, as both the command line and the server take them.
/// A front end adds its own (its output, its store pool) and calls this; the registries are read once, when first asked for.
/// </summary>
public static class DyadServiceCollectionExtensions
{
    public static IServiceCollection AddDyad(this IServiceCollection services, Action<DyadOptions>? configure = null)
    {
        services.AddOptions<DyadOptions>()
            .Configure(options => configure?.Invoke(options))
            .Validate(options => options.Problem() is null, "the registry named does not exist (a registry file, or a folder with actors.json)")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => RegistryFiles.Load(provider.GetRequiredService<IOptions<DyadOptions>>().Value.Registry));
        services.TryAddSingleton(provider => RivalryService.Load(provider.GetRequiredService<IOptions<DyadOptions>>().Value.Registry, provider.GetRequiredService<Registries>()));
        services.TryAddSingleton<ModelTraining>();
        services.TryAddSingleton<DemoSteps>();
        return services;
    }

    /// <summary>
    /// Runs the checks of every option registered with ValidateOnStart, as a host does when it starts; for a program
    /// without a host (the command line).
    /// </summary>
    /// <exception cref="OptionsValidationException">An option is not valid.</exception>
    public static void ValidateOnStart(this IServiceProvider provider) => provider.GetService<IStartupValidator>()?.Validate();
}
