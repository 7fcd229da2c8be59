using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Protocol;

public sealed class AdminMessageReaderRegisterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadRegister_Monitor_ReadsInfoAndToken(bool stringForm)
    {
        const string Json = """{"type":"monitor","id":"connector-1","serverType":"connector","pid":4242,"info":{"host":"127.0.0.1","port":3150},"token":"secret"}""";

        var ok = AdminMessageReader.TryReadRegister(JsonText.Payload(Json, stringForm), out var request, out var error);

        Assert.True(ok, error);
        Assert.Equal(RegisterRequest.MonitorType, request!.Type);
        Assert.Equal("connector-1", request.Id);
        Assert.Equal("connector", request.ServerType);
        Assert.Equal(4242, request.Pid);
        JsonText.Equal("""{"host":"127.0.0.1","port":3150}""", request.Info);
        Assert.Equal("secret", request.Token);
        Assert.Null(request.Username);
    }

    [Fact]
    public void TryReadRegister_Client_ReadsCredentials()
    {
        const string Json = """{"type":"client","id":"cli-1","username":"admin","password":"5f4dcc3b5aa765d61d8327deb882cf99","md5":true}""";

        var ok = AdminMessageReader.TryReadRegister(JsonText.Utf8(Json), out var request, out var error);

        Assert.True(ok, error);
        Assert.Equal(RegisterRequest.ClientType, request!.Type);
        Assert.Equal("cli-1", request.Id);
        Assert.Equal("admin", request.Username);
        Assert.Equal("5f4dcc3b5aa765d61d8327deb882cf99", request.Password);
        Assert.True(request.Md5);
        Assert.Null(request.Info);
    }

    [Fact]
    public void TryReadRegister_Md5Absent_IsFalse()
    {
        var ok = AdminMessageReader.TryReadRegister(JsonText.Utf8("""{"type":"client","id":"c","username":"u","password":"p"}"""), out var request, out var error);

        Assert.True(ok, error);
        Assert.False(request!.Md5);
    }

    [Fact]
    public void TryReadRegister_NumericId_ReadAsText()
    {
        var ok = AdminMessageReader.TryReadRegister(JsonText.Utf8("""{"type":"client","id":17}"""), out var request, out var error);

        Assert.True(ok, error);
        Assert.Equal("17", request!.Id);
    }

    [Fact]
    public void TryReadRegister_InvalidJson_ReturnsError()
    {
        var ok = AdminMessageReader.TryReadRegister(JsonText.Utf8("""{"type":"client","""), out var request, out var error);

        Assert.False(ok);
        Assert.Null(request);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("""{"code":1,"msg":"ok"}""", 1, "ok", true)]
    [InlineData("""{"code":-1,"msg":"server auth failed"}""", -1, "server auth failed", false)]
    [InlineData("""{"code":"1"}""", 1, null, true)]
    public void TryReadRegisterReply_CodeAndMsg_ReturnsReply(string json, int code, string? msg, bool isOk)
    {
        var ok = AdminMessageReader.TryReadRegisterReply(JsonText.Utf8(json), out var reply, out var error);

        Assert.True(ok, error);
        Assert.Equal(new RegisterReply(code, msg), reply);
        Assert.Equal(isOk, reply!.IsOk);
    }

    [Theory]
    [InlineData("""{"msg":"ok"}""")]
    [InlineData("""{"code":null,"msg":"ok"}""")]
    [InlineData("""{"code":"yes","msg":"ok"}""")]
    public void TryReadRegisterReply_WithoutNumericCode_ReturnsError(string json)
    {
        var ok = AdminMessageReader.TryReadRegisterReply(JsonText.Utf8(json), out var reply, out var error);

        Assert.False(ok);
        Assert.Null(reply);
        Assert.Contains("code", error, StringComparison.Ordinal);
    }
}
