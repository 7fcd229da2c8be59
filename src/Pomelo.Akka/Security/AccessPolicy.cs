using System.Collections.Frozen;

namespace Pomelo.Akka.Security;

/// <summary>
/// The one table of which access level each admin command needs (1 admin, 2 operator, 3 viewer; a lower number is
/// more privilege). Every check uses the level of the authenticated connection. The table is documented in README.md
/// and docs/admin-modules.md; a command missing from it needs level 1.
/// </summary>
public static class AccessPolicy
{
    /// <summary>Level 1: everything.</summary>
    public const int Admin = 1;

    /// <summary>Level 2: reading and non-destructive commands.</summary>
    public const int Operator = 2;

    /// <summary>Level 3: reading only.</summary>
    public const int Viewer = 3;

    private static readonly FrozenDictionary<string, int> Levels = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["console:list"] = Viewer,
        ["console:stop"] = Admin,
        ["console:kill"] = Admin,
        ["console:restart"] = Admin,
        ["console:add"] = Admin,
        ["console:blacklist"] = Operator,
        ["console:enable"] = Admin,
        ["console:disable"] = Admin,
        ["console:addCron"] = Admin,
        ["console:removeCron"] = Admin,
        ["command:list"] = Viewer,
        ["command:enable"] = Admin,
        ["command:disable"] = Admin,
        ["watchServer:servers"] = Viewer,
        ["watchServer:connections"] = Viewer,
        ["watchServer:logins"] = Viewer,
        ["watchServer:modules"] = Viewer,
        ["watchServer:status"] = Viewer,
        ["watchServer:config"] = Operator,
        ["watchServer:components"] = Viewer,
        ["watchServer:settings"] = Viewer,
        ["watchServer:get"] = Viewer,
        ["watchServer:set"] = Admin,
        ["watchServer:run"] = Admin,
        ["watchServer:dump"] = Admin,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the whole table, for documentation and tests.</summary>
    public static IReadOnlyDictionary<string, int> Table => Levels;

    /// <summary>Gets the level a command needs.</summary>
    /// <param name="area">The module or area: <c>console</c>, <c>command</c> (client commands), <c>watchServer</c>.</param>
    /// <param name="command">The command or signal.</param>
    /// <returns>The highest level number allowed; 1 for unknown commands.</returns>
    public static int RequiredLevel(string area, string command) => Levels.GetValueOrDefault(area + ":" + command, Admin);

    /// <summary>Checks whether a caller of <paramref name="level"/> may run a command.</summary>
    /// <param name="area">The module or area.</param>
    /// <param name="command">The command or signal.</param>
    /// <param name="level">The caller's authenticated level.</param>
    /// <returns>True when allowed.</returns>
    public static bool Allows(string area, string command, int level) => level >= Admin && level <= RequiredLevel(area, command);
}
