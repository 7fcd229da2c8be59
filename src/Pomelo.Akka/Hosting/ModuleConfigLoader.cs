using System.Globalization;
using Microsoft.Extensions.Configuration;
using Pomelo.Akka.Console;

namespace Pomelo.Akka.Hosting;

/// <summary>
/// Reads module registrations from configuration so a node started from HOCON gets its modules without code:
/// each entry has <c>type</c> (assembly-qualified type name), optional <c>id</c>, <c>schedule</c> (pull | push | none),
/// <c>interval</c> and <c>delay</c> (seconds as pomelo writes them, or durations like <c>5s</c>), <c>enabled</c>,
/// <c>mailbox</c> and a free-form <c>settings</c> section.
/// </summary>
internal static class ModuleConfigLoader
{
    public static IEnumerable<AdminModuleRegistration> Load(IConfigurationSection section)
    {
        foreach (var entry in section.GetChildren())
        {
            var typeName = entry["type"] ?? throw new InvalidOperationException($"{entry.Path}: a module entry needs a 'type'.");
            var type = Type.GetType(typeName, throwOnError: false)
                ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null)
                ?? throw new InvalidOperationException($"{entry.Path}: module type '{typeName}' was not found.");
            yield return AdminModuleRegistration.ForType(type, entry["id"], o => Apply(entry, o));
        }
    }

    /// <summary>Parses a duration written as seconds (<c>5</c>, <c>0.5</c>) or as a TimeSpan (<c>00:00:05</c>, from HOCON's <c>5s</c>).</summary>
    public static TimeSpan ParseDuration(string value, string path)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new InvalidOperationException($"{path}: '{value}' is not a duration (seconds, or e.g. 5s).");
    }

    private static void Apply(IConfigurationSection entry, AdminModuleOptions options)
    {
        if ((entry["schedule"] ?? entry["scheduleType"]) is { } schedule)
        {
            options.Type = Enum.Parse<ScheduleType>(schedule, ignoreCase: true);
        }

        if (entry["interval"] is { } interval)
        {
            options.Interval = ParseDuration(interval, entry.Path + ":interval");
        }

        if (entry["delay"] is { } delay)
        {
            options.Delay = ParseDuration(delay, entry.Path + ":delay");
        }

        if (entry["enabled"] is { } enabled)
        {
            options.Enabled = bool.Parse(enabled);
        }

        if (entry["mailbox"] is { } mailbox)
        {
            options.MailboxCapacity = int.Parse(mailbox, CultureInfo.InvariantCulture);
        }

        var settings = entry.GetSection("settings");
        if (settings.Exists())
        {
            options.Settings = settings;
        }
    }
}
