using System.Threading.Channels;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>Bounded reads from a channel a test is fed through.</summary>
public static class ChannelReaderExtensions
{
    /// <summary>Reads the next item; fails the test when none comes within <see cref="Wait.Timeout"/>.</summary>
    public static async Task<T> NextAsync<T>(this ChannelReader<T> reader)
        => await reader.ReadAsync().AsTask().WaitAsync(Wait.Timeout);

    /// <summary>True when an item arrives within <paramref name="window"/>; for negative checks only.</summary>
    public static async Task<bool> ReceivesWithinAsync<T>(this ChannelReader<T> reader, TimeSpan window)
    {
        using var cts = new CancellationTokenSource(window);
        try
        {
            return await reader.WaitToReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
