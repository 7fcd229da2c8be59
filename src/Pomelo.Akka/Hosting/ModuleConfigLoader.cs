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
            return double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new InvalidOperationException($"{path}: '{value}' is not a usable duration.");
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new InvalidOperationException($"{path}: '{value}' is not a duration (seconds, or e.g. 5s).");
    }

    private static void Apply(IConfigurationSection entry, AdminModuleOptions options)
    {
        if ((entry["schedule"] ?? entry["scheduleType"]) is { } schedule)
        {
            options.Type = Enum.TryParse<ScheduleType>(schedule, ignoreCase: true, out var type) && Enum.IsDefined(type) && !char.IsDigit(schedule.Trim()[0])
                ? type
                : throw new InvalidOperationException($"{entry.Path}:schedule: '{schedule}' is not pull, push or none.");
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
            options.Enabled = bool.TryParse(enabled, out var on) ? on : throw new InvalidOperationException($"{entry.Path}:enabled: '{enabled}' is not true or false.");
        }

        if (entry["mailbox"] is { } mailbox)
        {
            options.MailboxCapacity = int.TryParse(mailbox, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity) && capacity > 0
                ? capacity
                : throw new InvalidOperationException($"{entry.Path}:mailbox: '{mailbox}' is not a positive number.");
        }

        var settings = entry.GetSection("settings");
        if (settings.Exists())
        {
            options.Settings = settings;
        }
    }
}
