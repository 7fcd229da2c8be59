using System.Text.Json;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Protocol;

/// <summary>
/// The payload a message is read from is a connection's pipe buffer, reused once the next frame is read: nothing a
/// message carries may point into it.
/// </summary>
public sealed class AdminMessageReaderOwnershipTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_PayloadOverwrittenAfterwards_BodyKeepsItsValue(bool stringForm)
    {
        var payload = JsonText.Payload("""{"reqId":7,"moduleId":"m","body":{"seq":42,"name":"a\u00e9b","list":[1,2,3]}}""", stringForm);

        Assert.True(AdminMessageReader.TryReadMessage(payload, out var message, out var error), error);
        payload.AsSpan().Fill((byte)'x');

        var request = Assert.IsType<RequestMessage>(message);
        Assert.Equal("m", request.ModuleId);
        JsonText.Equal("""{"seq":42,"name":"aéb","list":[1,2,3]}""", request.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_ResponseFromAReusedBuffer_ErrorAndBodyKeepTheirValues(bool stringForm)
    {
        var buffer = new byte[256];
        var first = JsonText.Payload("""{"respId":1,"error":{"code":500},"body":{"id":"m-0"}}""", stringForm);
        first.CopyTo(buffer, 0);
        Assert.True(AdminMessageReader.TryReadMessage(buffer.AsSpan(0, first.Length), out var message, out var error), error);

        // The next frame lands in the same memory, as it does in a pipe.
        var second = JsonText.Payload("""{"respId":2,"error":null,"body":{"id":"zzzzzzzzzzzzzzzzzzzzzzzz"}}""", stringForm);
        buffer.AsSpan().Clear();
        second.CopyTo(buffer, 0);
        Assert.True(AdminMessageReader.TryReadMessage(buffer.AsSpan(0, second.Length), out var next, out error), error);

        var response = Assert.IsType<ResponseMessage>(message);
        Assert.Equal(1, response.RespId);
        JsonText.Equal("""{"code":500}""", response.Error);
        JsonText.Equal("""{"id":"m-0"}""", response.Body);
        JsonText.Equal("""{"id":"zzzzzzzzzzzzzzzzzzzzzzzz"}""", Assert.IsType<ResponseMessage>(next).Body);
    }

    [Fact]
    public void TryReadRegister_PayloadOverwrittenAfterwards_InfoKeepsItsValue()
    {
        var payload = JsonText.Utf8("""{"type":"monitor","id":"s1","serverType":"connector","pid":12,"info":{"host":"127.0.0.1","port":3150}}""");

        Assert.True(AdminMessageReader.TryReadRegister(payload, out var request, out var error), error);
        payload.AsSpan().Fill((byte)' ');

        Assert.Equal("s1", request.Id);
        JsonText.Equal("""{"host":"127.0.0.1","port":3150}""", request.Info);
    }

    [Fact]
    public void TryReadMessage_BodyOfManyMessages_EachKeepsItsOwnDocument()
    {
        var payload = new byte[64];
        var messages = new List<AdminMessage>();
        for (var i = 0; i < 100; i++)
        {
            var json = JsonText.Utf8($$$"""{"moduleId":"m","body":{"seq":{{{i}}}}}""");
            payload.AsSpan().Clear();
            json.CopyTo(payload, 0);
            Assert.True(AdminMessageReader.TryReadMessage(payload.AsSpan(0, json.Length), out var message, out var error), error);
            messages.Add(message);
        }

        GC.Collect();
        for (var i = 0; i < messages.Count; i++)
        {
            var body = Assert.IsType<NotifyMessage>(messages[i]).Body!.Value;
            Assert.Equal(i, body.GetProperty("seq").GetInt32());
        }
    }

    [Fact]
    public void TryReadMessage_StringForm_BodyDoesNotShareTheUnescapeBuffer()
    {
        // The unescaped copy is a pooled buffer, rented again by the next string-form message.
        var messages = Enumerable.Range(0, 20)
            .Select(i => AdminMessageReader.TryReadMessage(JsonText.Payload($$$"""{"reqId":{{{i + 1}}},"moduleId":"m","body":{"seq":{{{i}}},"text":"{{{new string('q', i)}}}"}}""", stringForm: true), out var m, out _) ? m : null)
            .ToList();

        for (var i = 0; i < messages.Count; i++)
        {
            JsonText.Equal($$$"""{"seq":{{{i}}},"text":"{{{new string('q', i)}}}"}""", Assert.IsType<RequestMessage>(messages[i]).Body);
        }
    }

    [Fact]
    public void TryReadMessage_StringFormWithEscapesInside_UnescapesOnce()
    {
        // The inner JSON has an escaped quote and an escaped unicode character of its own.
        var inner = """{"moduleId":"m","body":{"text":"say \"hi\" \u00e9"}}""";

        Assert.True(AdminMessageReader.TryReadMessage(JsonText.Payload(inner, stringForm: true), out var message, out var error), error);

        var body = Assert.IsType<NotifyMessage>(message).Body!.Value;
        Assert.Equal("say \"hi\" é", body.GetProperty("text").GetString());
    }

    [Fact]
    public void TryReadMessage_StringFormWithLeadingWhitespace_IsRead()
    {
        var payload = JsonText.Utf8(" \r\n" + JsonText.StringForm("""{"reqId":3,"moduleId":"m","body":[1]}""") + " ");

        Assert.True(AdminMessageReader.TryReadMessage(payload, out var message, out var error), error);

        JsonText.Equal("[1]", Assert.IsType<RequestMessage>(message).Body);
    }

    [Fact]
    public void TryReadMessage_ReqIdOutOfRange_IsReadNotThrown()
    {
        Assert.True(AdminMessageReader.TryReadMessage(JsonText.Utf8("""{"reqId":1e400,"moduleId":"m"}"""), out var message, out var error), error);

        Assert.IsType<RequestMessage>(message);
    }

    [Theory]
    [InlineData("""{"moduleId":"m","body":{"a":1}""")]
    [InlineData("""{"moduleId":"m","body":{"a":1}}}""")]
    [InlineData("""{"moduleId":"m","body":[1,2}""")]
    [InlineData("""{"moduleId":"m","body":null,}""")]
    public void TryReadMessage_BrokenBody_FailsWithAnError(string json)
    {
        Assert.False(AdminMessageReader.TryReadMessage(JsonText.Utf8(json), out var message, out var error));

        Assert.Null(message);
        Assert.StartsWith("invalid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadMessage_NullBodies_AreNullKindElementsOfEveryMessage()
    {
        Assert.True(AdminMessageReader.TryReadMessage(JsonText.Utf8("""{"reqId":1,"moduleId":"m","body":null}"""), out var first, out _));
        Assert.True(AdminMessageReader.TryReadMessage(JsonText.Utf8("""{"reqId":2,"moduleId":"m","body":null}"""), out var second, out _));

        Assert.Equal(JsonValueKind.Null, Assert.IsType<RequestMessage>(first).Body!.Value.ValueKind);
        Assert.Equal(JsonValueKind.Null, Assert.IsType<RequestMessage>(second).Body!.Value.ValueKind);
        Assert.Equal("null", Assert.IsType<RequestMessage>(second).Body!.Value.GetRawText());
    }

    [Fact]
    public void TryReadMessage_TrailingGarbageAfterBody_ReportsInvalidJson()
    {
        Assert.False(AdminMessageReader.TryReadMessage(JsonText.Utf8("""{"moduleId":"m","body":{}} }"""), out _, out var error));

        Assert.StartsWith("invalid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryReadMessage_BodyElement_IsUsableFromAnotherThread()
    {
        var payload = JsonText.Utf8("""{"moduleId":"m","body":{"seq":5}}""");
        Assert.True(AdminMessageReader.TryReadMessage(payload, out var message, out _));
        payload.AsSpan().Clear();

        var seq = await Task.Run(() => Assert.IsType<NotifyMessage>(message).Body!.Value.GetProperty("seq").GetInt32());

        Assert.Equal(5, seq);
        Assert.Equal(JsonValueKind.Object, Assert.IsType<NotifyMessage>(message).Body!.Value.ValueKind);
    }
}
