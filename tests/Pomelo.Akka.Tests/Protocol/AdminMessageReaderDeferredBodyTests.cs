using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Protocol;

/// <summary>
/// The master's read loop leaves a monitor's notify body unparsed (its module's actor parses it): the body is still
/// checked, copied out of the reused buffer, and every other kind of message is parsed whole as before.
/// </summary>
public sealed class AdminMessageReaderDeferredBodyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_NotifyDeferred_BodyKeptAsItsBytesAndParsedLater(bool stringForm)
    {
        var payload = JsonText.Payload("""{"moduleId":"m","body":{"seq":42,"name":"a\u00e9b","list":[1,2,3]}}""", stringForm);

        Assert.True(AdminMessageReader.TryReadMessage(payload, deferNotifyBody: true, out var message, out var error), error);
        payload.AsSpan().Fill((byte)'x');

        var notify = Assert.IsType<DeferredNotifyMessage>(message);
        Assert.Equal("m", notify.ModuleId);
        JsonText.Equal("""{"seq":42,"name":"aéb","list":[1,2,3]}""", notify.Body.Parse());
    }

    [Theory]
    [InlineData("\"a\\\"b\"")]
    [InlineData("-12.5e3")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[{}, [], \"x\"]")]
    public void TryReadMessage_NotifyDeferred_AnyValueKindRoundTrips(string body)
    {
        var payload = JsonText.Utf8("{\"moduleId\":\"m\",\"body\":" + body + "}");

        Assert.True(AdminMessageReader.TryReadMessage(payload, deferNotifyBody: true, out var message, out var error), error);

        var parsed = Assert.IsType<DeferredNotifyMessage>(message).Body.Parse();
        JsonText.Equal(body, parsed);
    }

    [Theory]
    [InlineData("""{"reqId":3,"moduleId":"m","body":{"a":1}}""", typeof(RequestMessage))]
    [InlineData("""{"respId":3,"error":null,"body":{"a":1}}""", typeof(ResponseMessage))]
    [InlineData("""{"command":"list","moduleId":"m","body":{"a":1}}""", typeof(CommandMessage))]
    [InlineData("""{"body":{"a":1},"moduleId":"m","reqId":3}""", typeof(RequestMessage))]
    public void TryReadMessage_OtherKindsWithDeferral_ParsedWholeAsBefore(string json, Type kind)
    {
        var payload = JsonText.Utf8(json);

        Assert.True(AdminMessageReader.TryReadMessage(payload, deferNotifyBody: true, out var message, out var error), error);
        payload.AsSpan().Fill((byte)' ');

        Assert.IsType(kind, message);
        var body = message switch
        {
            RequestMessage r => r.Body,
            ResponseMessage r => r.Body,
            CommandMessage c => c.Body,
            _ => null,
        };
        JsonText.Equal("""{"a":1}""", body);
    }

    [Fact]
    public void TryReadMessage_NotifyWithoutBodyDeferred_PlainNotifyWithNoBody()
    {
        Assert.True(AdminMessageReader.TryReadMessage(JsonText.Utf8("""{"moduleId":"m"}"""), deferNotifyBody: true, out var message, out var error), error);

        Assert.Null(Assert.IsType<NotifyMessage>(message).Body);
    }

    [Theory]
    [InlineData("""{"moduleId":"m","body":{"a":}}""")]
    [InlineData("""{"moduleId":"m","body":[1,2}""")]
    [InlineData("""{"moduleId":"m","body":tru}""")]
    public void TryReadMessage_MalformedBodyDeferred_RefusedWithTheReason(string json)
    {
        Assert.False(AdminMessageReader.TryReadMessage(JsonText.Utf8(json), deferNotifyBody: true, out var message, out var error));

        Assert.Null(message);
        Assert.StartsWith("invalid JSON", error, StringComparison.Ordinal);
    }
}
