using System.Text.Json;
using Pomelo.Akka.Client;

namespace Pomelo.Akka.Node.Tests.TestSupport;

/// <summary>Logs in to a master as a real admin client and reads the timeReport map until it holds the expected servers.</summary>
public static class TimeReportProbe
{
    public static async Task<Dictionary<string, long>> WaitForServersAsync(int port, IEnumerable<string> serverIds, TimeSpan? timeout = null)
    {
        var expected = serverIds.ToHashSet();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var client = await AdminClient.ConnectAsync(new AdminClientOptions { Port = port, Username = "admin", Password = "admin" });
                while (DateTime.UtcNow < deadline)
                {
                    var reply = await client.RequestAsync("timeReport", new { });
                    var map = reply!.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
                    if (expected.IsSubsetOf(map.Keys))
                    {
                        return map;
                    }

                    await Task.Delay(100);
                }
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or TimeoutException or JsonException)
            {
                last = ex;
                await Task.Delay(100);
            }
        }

        Assert.Fail($"timeReport never listed {string.Join(", ", expected)}; last error: {last?.Message}");
        return [];
    }
}
