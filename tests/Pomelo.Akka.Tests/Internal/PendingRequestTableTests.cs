using System.Text.Json;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Internal;

public sealed class PendingRequestTableTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task TryComplete_FromTarget_CompletesWithBodyAndRemovesEntry()
    {
        var table = new PendingRequestTable(_time);
        var (id, reply) = table.Add("s1", "m", Timeout, CancellationToken.None);

        Assert.True(table.TryComplete(id, "s1", null, JsonText.Parse("""{"cpu":3}""")));

        JsonText.Equal("""{"cpu":3}""", await reply.WaitAsync(Wait.Timeout));
        Assert.Equal(0, table.Count);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public async Task TryComplete_NullKindError_CompletesWithBody()
    {
        var table = new PendingRequestTable(_time);
        var (id, reply) = table.Add("s1", "m", Timeout, CancellationToken.None);

        Assert.True(table.TryComplete(id, "s1", JsonText.Parse("null"), JsonText.Parse("1")));

        JsonText.Equal("1", await reply.WaitAsync(Wait.Timeout));
    }

    [Theory]
    [InlineData("\"module m is disable\"", "module m is disable")]
    [InlineData("""{"message":"handler threw","stack":"..."}""", "handler threw")]
    public async Task TryComplete_ErrorReply_FailsWithRemoteException(string error, string expectedMessage)
    {
        var table = new PendingRequestTable(_time);
        var (id, reply) = table.Add("s1", "m", Timeout, CancellationToken.None);

        Assert.True(table.TryComplete(id, "s1", JsonText.Parse(error), null));

        var ex = await Assert.ThrowsAsync<AdminRemoteException>(() => reply.WaitAsync(Wait.Timeout));
        Assert.Equal(expectedMessage, ex.Message);
        JsonText.Equal(error, ex.Error);
    }

    [Fact]
    public async Task Add_NoReplyBeforeDeadline_TimesOutAndRemovesEntry()
    {
        var table = new PendingRequestTable(_time);
        var (_, reply) = table.Add("s1", "m", Timeout, CancellationToken.None);

        _time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(reply.IsCompleted);
        Assert.Equal(1, table.Count);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var ex = await Assert.ThrowsAsync<AdminRequestTimeoutException>(() => reply.WaitAsync(Wait.Timeout));
        Assert.Equal("s1", ex.Target);
        Assert.Equal(Timeout, ex.Timeout);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public async Task TryComplete_AfterTimeout_ReturnsFalseAndKeepsTimeout()
    {
        var table = new PendingRequestTable(_time);
        var (id, reply) = table.Add("s1", "m", Timeout, CancellationToken.None);
        _time.Advance(Timeout);

        Assert.False(table.TryComplete(id, "s1", null, JsonText.Parse("1")));

        await Assert.ThrowsAsync<AdminRequestTimeoutException>(() => reply.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task TryComplete_FromOtherPeer_IsRefusedAndStaysPending()
    {
        var table = new PendingRequestTable(_time);
        var (id, reply) = table.Add("s1", "m", Timeout, CancellationToken.None);

        Assert.False(table.TryComplete(id, "s2", null, JsonText.Parse("\"forged\"")));

        Assert.False(reply.IsCompleted);
        Assert.Equal(1, table.Count);
        Assert.True(table.TryComplete(id, "s1", null, JsonText.Parse("\"real\"")));
        JsonText.Equal("\"real\"", await reply.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public void TryComplete_UnknownId_ReturnsFalse()
    {
        var table = new PendingRequestTable(_time);

        Assert.False(table.TryComplete(12345, "s1", null, null));
    }

    [Fact]
    public async Task FailAll_Target_FailsOnlyThatTargetsRequests()
    {
        var table = new PendingRequestTable(_time);
        var first = table.Add("s1", "a", Timeout, CancellationToken.None);
        var other = table.Add("s2", "a", Timeout, CancellationToken.None);
        var second = table.Add("s1", "b", Timeout, CancellationToken.None);

        var failed = table.FailAll("s1", () => new PeerDisconnectedException("s1"));

        Assert.Equal(2, failed);
        Assert.Equal("s1", (await Assert.ThrowsAsync<PeerDisconnectedException>(() => first.Reply.WaitAsync(Wait.Timeout))).Peer);
        await Assert.ThrowsAsync<PeerDisconnectedException>(() => second.Reply.WaitAsync(Wait.Timeout));
        Assert.False(other.Reply.IsCompleted);
        Assert.Equal(1, table.Count);
        Assert.Equal(1, _time.ActiveTimerCount);
    }

    [Fact]
    public async Task Fail_Id_FailsThatRequestWithTheError()
    {
        var table = new PendingRequestTable(_time);
        var (id, reply) = table.Add("s1", "m", Timeout, CancellationToken.None);

        table.Fail(id, new IOException("send failed"));

        Assert.Equal("send failed", (await Assert.ThrowsAsync<IOException>(() => reply.WaitAsync(Wait.Timeout))).Message);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public async Task Add_CallerCancels_CancelsTaskAndRemovesEntry()
    {
        var table = new PendingRequestTable(_time);
        using var cts = new CancellationTokenSource();
        var (id, reply) = table.Add("s1", "m", Timeout, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reply.WaitAsync(Wait.Timeout));
        Assert.True(reply.IsCanceled);
        Assert.Equal(0, table.Count);
        Assert.Equal(0, _time.ActiveTimerCount);
        Assert.False(table.TryComplete(id, "s1", null, null));
    }

    [Fact]
    public async Task Add_IdsAreUnique()
    {
        var table = new PendingRequestTable(_time);

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).Select(_ => table.Add("s1", "m", Timeout, CancellationToken.None).Id).ToArray())));

        Assert.Equal(1600, ids.SelectMany(x => x).Distinct().Count());
    }

    [Fact]
    public async Task TryComplete_RacingTimeout_CompletesEveryRequestExactlyOnce()
    {
        const int N = 1000;
        var table = new PendingRequestTable(_time);
        var requests = Enumerable.Range(0, N).Select(_ => table.Add("s1", "m", Timeout, CancellationToken.None)).ToArray();
        var replied = new bool[N];
        using var start = new Barrier(2);

        var replier = Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = N - 1; i >= 0; i--)
            {
                replied[i] = table.TryComplete(requests[i].Id, "s1", null, JsonElement.Parse(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        });
        var expirer = Task.Run(() =>
        {
            start.SignalAndWait();
            _time.Advance(Timeout);
        });
        await Task.WhenAll(replier, expirer).WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < N; i++)
        {
            var reply = requests[i].Reply;
            await ((Task)reply).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Wait.Timeout);
            if (replied[i])
            {
                Assert.True(reply.IsCompletedSuccessfully, $"request {i} was replied but {reply.Status}");
                Assert.Equal(i, (await reply)!.Value.GetInt32());
            }
            else
            {
                Assert.IsType<AdminRequestTimeoutException>(reply.Exception?.InnerException);
            }
        }

        Assert.Equal(0, table.Count);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void Add_ManyRequests_ShareOneArmedTimer()
    {
        var table = new PendingRequestTable(_time);

        for (var i = 0; i < 100; i++)
        {
            table.Add("s1", "m", Timeout, CancellationToken.None);
        }

        Assert.Equal(100, table.Count);
        Assert.Equal(1, _time.ActiveTimerCount);
    }

    [Fact]
    public async Task Add_ShorterDeadlineAfterLonger_ExpiresAtItsOwnDeadlineAndLongerWaits()
    {
        var table = new PendingRequestTable(_time);
        var slow = table.Add("s1", "m", Timeout, CancellationToken.None);
        var fast = table.Add("s1", "m", TimeSpan.FromSeconds(1), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AdminRequestTimeoutException>(() => fast.Reply.WaitAsync(Wait.Timeout));
        Assert.False(slow.Reply.IsCompleted);
        Assert.Equal(1, _time.ActiveTimerCount);
        _time.Advance(Timeout - TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        Assert.False(slow.Reply.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<AdminRequestTimeoutException>(() => slow.Reply.WaitAsync(Wait.Timeout));
        Assert.Equal(0, table.Count);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public async Task Add_AfterTableEmptied_ArmsTheTimerAgain()
    {
        var table = new PendingRequestTable(_time);
        var (id, _) = table.Add("s1", "m", Timeout, CancellationToken.None);
        Assert.True(table.TryComplete(id, "s1", null, null));
        Assert.Equal(0, _time.ActiveTimerCount);

        var (_, reply) = table.Add("s1", "m", Timeout, CancellationToken.None);
        _time.Advance(Timeout);

        await Assert.ThrowsAsync<AdminRequestTimeoutException>(() => reply.WaitAsync(Wait.Timeout));
    }
}
