using Dyad.App.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Dyad.Cli.Hosting;

/// <summary>
/// Spectre.Console.Cli's commands built by Microsoft.Extensions.DependencyInjection: the registrar adds to the same
/// service collection the application layer's <c>AddDyad</c> fills, and the resolver is its service provider.
/// </summary>
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public ITypeResolver Build()
    {
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.ValidateOnStart();
        return new TypeResolver(provider);
    }

    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => services.AddSingleton(service, _ => factory());

    private sealed class TypeResolver(ServiceProvider provider) : ITypeResolver, IDisposable
    {
        public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

        public void Dispose() => provider.Dispose();
    }
}
