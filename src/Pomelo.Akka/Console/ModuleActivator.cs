using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Pomelo.Akka.Console;

/// <summary>
/// Builds a module of a given type with <see cref="ActivatorUtilities"/>: the node's services fill the constructor,
/// and the module options and console service are passed when a constructor asks for them.
/// </summary>
internal static class ModuleActivator
{
    public static IAdminModule Create(Type moduleType, ModuleFactoryContext context)
    {
        var parameterTypes = moduleType.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Select(p => p.ParameterType)
            .ToArray();
        var extra = new List<object>(2);
        if (parameterTypes.Any(t => t.IsInstanceOfType(context.Options)))
        {
            extra.Add(context.Options);
        }

        if (parameterTypes.Any(t => t.IsInstanceOfType(context.Console)))
        {
            extra.Add(context.Console);
        }

        return (IAdminModule)ActivatorUtilities.CreateInstance(context.Services, moduleType, [.. extra]);
    }
}
