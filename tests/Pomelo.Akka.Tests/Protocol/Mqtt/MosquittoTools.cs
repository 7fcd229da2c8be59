namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Locates the Debian mosquitto binaries; a missing binary fails the test with install instructions.</summary>
internal static class MosquittoTools
{
    public const string Broker = "mosquitto";
    public const string Subscriber = "mosquitto_sub";
    public const string Publisher = "mosquitto_pub";

    /// <summary>Returns the full path of <paramref name="tool"/> from PATH or the Debian sbin/bin folders, or null.</summary>
    public static string? Locate(string tool)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]);
        return folders.Select(folder => Path.Combine(folder, tool)).FirstOrDefault(File.Exists);
    }

    public static string MissingMessage(string tool) =>
        $"'{tool}' was not found on PATH (nor in /usr/sbin or /usr/bin). The MQTT conformance tests need Debian's " +
        "mosquitto broker and clients: run `sudo .ci/install-test-deps.sh` from the repository root, then re-run the tests.";

    /// <summary>Returns the full path of <paramref name="tool"/>, failing the current test when it is not installed.</summary>
    public static string Require(string tool)
    {
        var path = Locate(tool);
        if (path is null)
        {
            Assert.Fail(MissingMessage(tool));
        }

        return path;
    }
}
