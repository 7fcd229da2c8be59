using System.Reflection;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Tests.Security;

public sealed class AdminAuthenticatorLogTests
{
    [Fact]
    public void LogMessages_AllEventIds_AreUniqueAndInSecurityRange()
    {
        var ids = typeof(AdminAuthenticator).GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => a.EventId)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.InRange(id, 5000, 5099));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
