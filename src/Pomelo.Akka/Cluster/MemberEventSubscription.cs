using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Cluster;

/// <summary>
/// One subscriber of the membership event stream: its own queue and delivery loop, so a slow or throwing subscriber
/// never blocks the master nor the other subscribers, and sees events in publication order.
/// </summary>
internal sealed partial class MemberEventSubscription : IDisposable
{
    private readonly Channel<MemberEvent> _queue = Channel.CreateUnbounded<MemberEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<MemberEvent, bool> _topic;
    private readonly Action<MemberEvent> _handler;
    private readonly Action<MemberEventSubscription> _unsubscribe;
    private readonly ILogger _logger;

    public MemberEventSubscription(Func<MemberEvent, bool> topic, Action<MemberEvent> handler, Action<MemberEventSubscription> unsubscribe, ILogger logger)
    {
        _topic = topic;
        _handler = handler;
        _unsubscribe = unsubscribe;
        _logger = logger;
        Completion = Task.Run(DeliverAsync);
    }

    public Task Completion { get; }

    public void Offer(MemberEvent memberEvent)
    {
        if (_topic(memberEvent))
        {
            _queue.Writer.TryWrite(memberEvent);
        }
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _queue.Writer.TryComplete();
    }

    private async Task DeliverAsync()
    {
        await foreach (var memberEvent in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                _handler(memberEvent);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(_logger, ex, memberEvent.GetType().Name, memberEvent.Member.Id);
            }
        }
    }

    [LoggerMessage(6050, LogLevel.Error, "A membership subscriber threw on {Event} of {MemberId}")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string @event, string memberId);
}
