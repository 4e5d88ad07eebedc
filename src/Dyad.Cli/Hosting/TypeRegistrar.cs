using Spectre.Console.Cli;

namespace Dyad.Cli.Hosting;

/// <summary>
/// The smallest registrar Spectre.Console.Cli needs to hand commands their dependencies (the output, the clock):
/// instances and types by service type, constructed on request with the longest constructor it can satisfy.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, Func<object>> _factories = [];

    public ITypeResolver Build() => this;

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var value = new Lazy<object>(factory);
        _factories[service] = () => value.Value;
    }

    public object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (_factories.TryGetValue(type, out var factory))
        {
            return factory();
        }

        // Spectre asks for IEnumerable<T> of optional extensions (help providers): the registered one, or none.
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var items = Array.CreateInstance(element, _factories.ContainsKey(element) ? 1 : 0);
            if (items.Length == 1)
            {
                items.SetValue(_factories[element](), 0);
            }

            return items;
        }

        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private object Create(Type type)
    {
        foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            var arguments = parameters.Select(p => Resolve(p.ParameterType)).ToArray();
            if (arguments.All(a => a is not null))
            {
                return constructor.Invoke(arguments);
            }
        }

        throw new InvalidOperationException($"Cannot construct {type.Name}: a dependency is not registered.");
    }
}
