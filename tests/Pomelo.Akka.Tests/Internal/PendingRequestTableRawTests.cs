using System.Text;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Internal;

/// <summary>Requests whose reply body is read raw (<see cref="PendingRequestTable.RawFrom"/>), as the watchdog's subscribe.</summary>
public sealed class PendingRequestTableRawTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task ARawReply_GoesToTheReader_ThenTheRequestCompletesWithoutABody()
    {
        var table = new PendingRequestTable(_time);
        string? read = null;
        var (id, reply) = table.Add("master", "m", Timeout, CancellationToken.None, readBody: body => read = Encoding.UTF8.GetString(body));
        var sink = table.RawFrom("master");

        Assert.True(AdminMessageReader.TryReadMessage(Encoding.UTF8.GetBytes($$$"""{"respId":{{{id}}},"error":null,"body":{"a":[1,2]}}"""), false, sink, out var message, out _));
        var response = Assert.IsType<ResponseMessage>(message);
        Assert.Null(response.Body);
        Assert.Equal("""{"a":[1,2]}""", read);

        Assert.True(table.TryComplete(id, "master", response.Error, response.Body));
        Assert.Null(await reply.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public void ARawReply_InPomelosStringForm_ReachesTheReaderUnescaped()
    {
        var table = new PendingRequestTable(_time);
        string? read = null;
        var (id, _) = table.Add("master", "m", Timeout, CancellationToken.None, readBody: body => read = Encoding.UTF8.GetString(body));

        var payload = Encoding.UTF8.GetBytes("\"{\\\"respId\\\":" + id + ",\\\"body\\\":{\\\"k\\\":\\\"v\\\"}}\"");
        Assert.True(AdminMessageReader.TryReadMessage(payload, false, table.RawFrom("master"), out _, out _));

        Assert.Equal("""{"k":"v"}""", read);
    }

    [Fact]
    public void AReplyToARequestThatWantsItParsed_OrFromAnotherPeer_OrWithTheBodyFirst_IsParsed()
    {
        var table = new PendingRequestTable(_time);
        var calls = 0;
        var (plain, _) = table.Add("master", "m", Timeout, CancellationToken.None);
        var (raw, _) = table.Add("master", "m", Timeout, CancellationToken.None, readBody: _ => calls++);

        Assert.True(AdminMessageReader.TryReadMessage(Encoding.UTF8.GetBytes($$$"""{"respId":{{{plain}}},"body":{"x":1}}"""), false, table.RawFrom("master"), out var m1, out _));
        Assert.True(AdminMessageReader.TryReadMessage(Encoding.UTF8.GetBytes($$$"""{"respId":{{{raw}}},"body":{"x":2}}"""), false, table.RawFrom("other"), out var m2, out _));
        Assert.True(AdminMessageReader.TryReadMessage(Encoding.UTF8.GetBytes($$$"""{"body":{"x":3},"respId":{{{raw}}}}"""), false, table.RawFrom("master"), out var m3, out _));

        Assert.Equal(0, calls);
        JsonText.Equal("""{"x":1}""", Assert.IsType<ResponseMessage>(m1).Body);
        JsonText.Equal("""{"x":2}""", Assert.IsType<ResponseMessage>(m2).Body);
        JsonText.Equal("""{"x":3}""", Assert.IsType<ResponseMessage>(m3).Body);
    }

    [Fact]
    public async Task AReaderThatThrows_FailsItsRequest_AndTheReadGoesOn()
    {
        var table = new PendingRequestTable(_time);
        var (id, reply) = table.Add("master", "m", Timeout, CancellationToken.None, readBody: _ => throw new FormatException("not a map"));

        Assert.True(AdminMessageReader.TryReadMessage(Encoding.UTF8.GetBytes($$$"""{"respId":{{{id}}},"body":[]}"""), false, table.RawFrom("master"), out var message, out _));

        Assert.IsType<ResponseMessage>(message);
        var ex = await Assert.ThrowsAsync<AdminRequestException>(() => reply.WaitAsync(Wait.Timeout));
        Assert.Contains("not a map", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, table.Count);
    }
}
