using Xunit.Sdk;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>The conformance tests fail loudly, never skip, when the mosquitto binaries are missing.</summary>
public sealed class MosquittoToolsTests
{
    /// <summary>A missing tool fails the test with a pointer to the install script.</summary>
    [Fact]
    public void Require_ToolNotInstalled_FailsWithInstallScriptHint()
    {
        var failure = Assert.Throws<FailException>(() => MosquittoTools.Require("mosquitto_not_installed_anywhere"));

        Assert.Contains(".ci/install-test-deps.sh", failure.Message);
        Assert.Contains("mosquitto_not_installed_anywhere", failure.Message);
    }
}
