using System.Text.Json;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Protocol;

public sealed class AdminMessageReaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_Request_ReturnsRequestMessage(bool stringForm)
    {
        var message = Read("""{"reqId":1,"moduleId":"m","body":{"a":1}}""", stringForm);

        var request = Assert.IsType<RequestMessage>(message);
        Assert.Equal(1, request.ReqId);
        Assert.Equal("m", request.ModuleId);
        JsonText.Equal("""{"a":1}""", request.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_Notify_ReturnsNotifyMessage(bool stringForm)
    {
        var message = Read("""{"moduleId":"watch","body":["x",2]}""", stringForm);

        var notify = Assert.IsType<NotifyMessage>(message);
        Assert.Equal("watch", notify.ModuleId);
        JsonText.Equal("""["x",2]""", notify.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_Response_ReturnsResponseMessage(bool stringForm)
    {
        var message = Read("""{"respId":42,"error":null,"body":{"ok":true}}""", stringForm);

        var response = Assert.IsType<ResponseMessage>(message);
        Assert.Equal(42, response.RespId);
        Assert.Null(response.Error);
        JsonText.Equal("""{"ok":true}""", response.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_CommandWithReqId_ReturnsCommandMessage(bool stringForm)
    {
        var message = Read("""{"reqId":9,"command":"disable","moduleId":"systemInfo","body":{"serverId":"s1"}}""", stringForm);

        var command = Assert.IsType<CommandMessage>(message);
        Assert.Equal(9, command.ReqId);
        Assert.Equal("disable", command.Command);
        Assert.Equal("systemInfo", command.ModuleId);
        JsonText.Equal("""{"serverId":"s1"}""", command.Body);
    }

    [Fact]
    public void TryReadMessage_CommandWithoutReqIdOrModule_HasNullReqIdAndModule()
    {
        var message = Read("""{"command":"list"}""", stringForm: false);

        var command = Assert.IsType<CommandMessage>(message);
        Assert.Null(command.ReqId);
        Assert.Equal("list", command.Command);
        Assert.Null(command.ModuleId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_ReqIdNumericString_ParsesNumber(bool stringForm)
    {
        var message = Read("""{"reqId":"123","moduleId":"m"}""", stringForm);

        Assert.Equal(123, Assert.IsType<RequestMessage>(message).ReqId);
    }

    [Fact]
    public void TryReadMessage_BodyAbsent_BodyIsNull()
    {
        var message = Read("""{"reqId":1,"moduleId":"m"}""", stringForm: false);

        Assert.Null(Assert.IsType<RequestMessage>(message).Body);
    }

    [Fact]
    public void TryReadMessage_BodyJsonNull_BodyIsNullKindElement()
    {
        var message = Read("""{"reqId":1,"moduleId":"m","body":null}""", stringForm: false);

        var body = Assert.IsType<RequestMessage>(message).Body;
        Assert.NotNull(body);
        Assert.Equal(JsonValueKind.Null, body.Value.ValueKind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadMessage_ResponseWithErrorString_KeepsError(bool stringForm)
    {
        var message = Read("""{"respId":3,"error":"unknown moduleId:x"}""", stringForm);

        var response = Assert.IsType<ResponseMessage>(message);
        Assert.Equal("unknown moduleId:x", response.Error?.GetString());
        Assert.Null(response.Body);
    }

    [Fact]
    public void TryReadMessage_ResponseWithErrorObject_KeepsErrorObject()
    {
        var message = Read("""{"respId":3,"error":{"message":"boom","code":500},"body":null}""", stringForm: false);

        var response = Assert.IsType<ResponseMessage>(message);
        JsonText.Equal("""{"message":"boom","code":500}""", response.Error);
    }

    [Fact]
    public void TryReadMessage_RespIdZero_IsNotAResponse()
    {
        var message = Read("""{"respId":0,"moduleId":"m","body":1}""", stringForm: false);

        var notify = Assert.IsType<NotifyMessage>(message);
        Assert.Equal("m", notify.ModuleId);
    }

    [Fact]
    public void TryReadMessage_ReqIdZero_IsANotify()
    {
        var message = Read("""{"reqId":0,"moduleId":"m"}""", stringForm: false);

        Assert.IsType<NotifyMessage>(message);
    }

    [Fact]
    public void TryReadMessage_UnknownFields_AreIgnored()
    {
        var message = Read("""{"extra":{"deep":[1,2,{"x":null}]},"reqId":5,"moduleId":"m","more":"y"}""", stringForm: false);

        Assert.Equal(5, Assert.IsType<RequestMessage>(message).ReqId);
    }

    private static AdminMessage Read(string json, bool stringForm)
    {
        var ok = AdminMessageReader.TryReadMessage(JsonText.Payload(json, stringForm), out var message, out var error);

        Assert.True(ok, error);
        Assert.Null(error);
        return message!;
    }
}
