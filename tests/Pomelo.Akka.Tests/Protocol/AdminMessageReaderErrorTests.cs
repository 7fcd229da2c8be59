using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Protocol;

public sealed class AdminMessageReaderErrorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_MissingModuleId_ReturnsError(bool stringForm)
    {
        var error = Fail(JsonText.Payload("""{"reqId":1,"body":{"a":1}}""", stringForm));

        Assert.Contains("moduleId", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("""{"reqId":""")]
    [InlineData("""{"moduleId":"m",}""")]
    [InlineData("not json")]
    [InlineData("\"unterminated")]
    [InlineData("\"{\\\"moduleId\\\":\"")]
    [InlineData("\"not json inside\"")]
    public void TryReadMessage_InvalidJson_ReturnsFalseWithError(string payload)
    {
        var error = Fail(JsonText.Utf8(payload));

        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryReadMessage_InvalidUtf8_ReturnsFalseWithError()
    {
        byte[] payload = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        Assert.False(string.IsNullOrWhiteSpace(Fail(payload)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_TopLevelArray_ReturnsError(bool stringForm)
    {
        var error = Fail(JsonText.Payload("""[{"moduleId":"m"}]""", stringForm));

        Assert.Contains("not a JSON object", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("true")]
    public void TryReadMessage_TopLevelScalar_ReturnsError(string payload)
    {
        Assert.Contains("not a JSON object", Fail(JsonText.Utf8(payload)), StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadMessage_TrailingObject_ReturnsError()
    {
        var error = Fail(JsonText.Utf8("""{"moduleId":"m"} {"moduleId":"n"}"""));

        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryReadMessage_TrailingDataInsideStringForm_ReturnsError()
    {
        Fail(JsonText.Payload("""{"moduleId":"m"} x""", stringForm: true));
    }

    [Fact]
    public void TryReadMessage_TrailingDataAfterStringForm_ReturnsError()
    {
        var payload = JsonText.StringForm("""{"moduleId":"m"}""") + """ {"moduleId":"n"}""";

        Fail(JsonText.Utf8(payload));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_NestedDeeperThan64_ReturnsError(bool stringForm)
    {
        var error = Fail(JsonText.Payload(Nested(70), stringForm));

        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryReadMessage_NestedWithinLimit_IsRead()
    {
        var ok = AdminMessageReader.TryReadMessage(JsonText.Utf8(Nested(60)), out var message, out var error);

        Assert.True(ok, error);
        Assert.IsType<NotifyMessage>(message);
    }

    /// <summary>A notify whose body nests <paramref name="arrays"/> arrays (the envelope adds one level).</summary>
    private static string Nested(int arrays)
        => """{"moduleId":"m","body":""" + new string('[', arrays) + new string(']', arrays) + "}";

    private static string Fail(byte[] payload)
    {
        var ok = AdminMessageReader.TryReadMessage(payload, out var message, out var error);

        Assert.False(ok);
        Assert.Null(message);
        Assert.NotNull(error);
        return error;
    }
}
