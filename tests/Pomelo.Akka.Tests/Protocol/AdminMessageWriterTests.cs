using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Protocol;

public sealed class AdminMessageWriterTests
{
    private readonly AdminMessageWriter _writer = new();

    [Fact]
    public void WriteRequest_RoundTrips()
    {
        var message = RoundTrip(b => _writer.WriteRequest(b, 12, "systemInfo", new { serverId = "s1" }));

        var request = Assert.IsType<RequestMessage>(message);
        Assert.Equal(12, request.ReqId);
        Assert.Equal("systemInfo", request.ModuleId);
        JsonText.Equal("""{"serverId":"s1"}""", request.Body);
    }

    [Fact]
    public void WriteNotify_RoundTrips()
    {
        var message = RoundTrip(b => _writer.WriteNotify(b, "watch", new[] { 1, 2 }));

        var notify = Assert.IsType<NotifyMessage>(message);
        Assert.Equal("watch", notify.ModuleId);
        JsonText.Equal("[1,2]", notify.Body);
    }

    [Fact]
    public void WriteResponse_Success_RoundTripsWithNullError()
    {
        var message = RoundTrip(b => _writer.WriteResponse(b, 7, null, new { ok = true }));

        var response = Assert.IsType<ResponseMessage>(message);
        Assert.Equal(7, response.RespId);
        Assert.Null(response.Error);
        JsonText.Equal("""{"ok":true}""", response.Body);
    }

    [Fact]
    public void WriteResponse_Error_RoundTripsError()
    {
        var message = RoundTrip(b => _writer.WriteResponse(b, 7, "unknown moduleId:x", null));

        var response = Assert.IsType<ResponseMessage>(message);
        Assert.Equal("unknown moduleId:x", response.Error?.GetString());
        Assert.Equal(JsonValueKind.Null, response.Body?.ValueKind);
    }

    [Fact]
    public void WriteCommand_WithReqId_RoundTrips()
    {
        var message = RoundTrip(b => _writer.WriteCommand(b, 4, "enable", "watch", new { serverId = "s1" }));

        var command = Assert.IsType<CommandMessage>(message);
        Assert.Equal(4, command.ReqId);
        Assert.Equal("enable", command.Command);
        Assert.Equal("watch", command.ModuleId);
        JsonText.Equal("""{"serverId":"s1"}""", command.Body);
    }

    [Fact]
    public void WriteCommand_WithoutReqIdOrModule_RoundTripsAsOneWay()
    {
        var buffer = new ArrayBufferWriter<byte>();
        _writer.WriteCommand(buffer, null, "list", null, null);

        var command = Assert.IsType<CommandMessage>(Read(buffer));
        Assert.Null(command.ReqId);
        Assert.Null(command.ModuleId);
        Assert.False(JsonElement.Parse(buffer.WrittenSpan).TryGetProperty("reqId", out _));
    }

    [Fact]
    public void WriteRegister_Monitor_RoundTrips()
    {
        var info = JsonText.Parse("""{"host":"127.0.0.1","port":3150}""");
        var buffer = new ArrayBufferWriter<byte>();
        _writer.WriteRegister(buffer, new RegisterRequest(RegisterRequest.MonitorType, "area-1", "area", 99, info, "tok"));

        Assert.True(AdminMessageReader.TryReadRegister(buffer.WrittenSpan, out var read, out var error), error);
        Assert.Equal((RegisterRequest.MonitorType, "area-1", "area", 99L, "tok"), (read.Type, read.Id, read.ServerType, read.Pid!.Value, read.Token));
        JsonText.Equal("""{"host":"127.0.0.1","port":3150}""", read.Info);
        Assert.Null(read.Username);
    }

    [Fact]
    public void WriteRegister_Client_RoundTripsCredentials()
    {
        var buffer = new ArrayBufferWriter<byte>();
        _writer.WriteRegister(buffer, new RegisterRequest(RegisterRequest.ClientType, "cli", Username: "admin", Password: "pw", Md5: true));

        Assert.True(AdminMessageReader.TryReadRegister(buffer.WrittenSpan, out var read, out var error), error);
        Assert.Equal((RegisterRequest.ClientType, "cli", "admin", "pw", true), (read.Type, read.Id, read.Username, read.Password, read.Md5));
        Assert.Null(read.ServerType);
        Assert.Null(read.Info);
    }

    [Fact]
    public void WriteRegisterReply_RoundTrips()
    {
        var buffer = new ArrayBufferWriter<byte>();
        AdminMessageWriter.WriteRegisterReply(buffer, new RegisterReply(ProtocolCodes.Fail, ProtocolCodes.ServerAuthFailed));

        Assert.True(AdminMessageReader.TryReadRegisterReply(buffer.WrittenSpan, out var reply, out var error), error);
        Assert.Equal(new RegisterReply(-1, "server auth failed"), reply);
    }

    [Fact]
    public void WriteNotify_JsonElementBody_WrittenAsIs()
    {
        Assert.Equal("""{"a":[1,{"b":null}]}""", BodyText(JsonText.Parse("""{"a":[1,{"b":null}]}""")));
    }

    [Fact]
    public void WriteNotify_JsonNodeBody_WrittenAsIs()
    {
        var node = new JsonObject { ["Upper"] = 1, ["list"] = new JsonArray(true, "x") };

        Assert.Equal("""{"Upper":1,"list":[true,"x"]}""", BodyText(node));
    }

    [Fact]
    public void WriteNotify_StringBody_WrittenAsJsonString()
    {
        Assert.Equal("\"hello \\\"world\\\"\"", BodyText("hello \"world\"").Replace("\\u0022", "\\\"", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteNotify_AnonymousObjectBody_UsesCamelCase()
    {
        Assert.Equal("""{"serverId":"s1","cpuLoad":0.5}""", BodyText(new { ServerId = "s1", CpuLoad = 0.5 }));
    }

    [Fact]
    public void WriteNotify_RecordBody_UsesCamelCase()
    {
        Assert.Equal("""{"displayName":"x","count":3}""", BodyText(new Sample("x", 3)));
    }

    [Fact]
    public void WriteNotify_NullBody_WrittenAsJsonNull()
    {
        Assert.Equal("null", BodyText(null));
    }

    [Fact]
    public void WriteNotify_CustomOptions_AreUsed()
    {
        var writer = new AdminMessageWriter(new JsonSerializerOptions());
        var buffer = new ArrayBufferWriter<byte>();

        writer.WriteNotify(buffer, "m", new Sample("x", 3));

        Assert.Equal("""{"DisplayName":"x","Count":3}""", JsonElement.Parse(buffer.WrittenSpan).GetProperty("body").GetRawText());
    }

    private string BodyText(object? body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        _writer.WriteNotify(buffer, "m", body);
        return JsonElement.Parse(buffer.WrittenSpan).GetProperty("body").GetRawText();
    }

    private static AdminMessage RoundTrip(Action<ArrayBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return Read(buffer);
    }

    private static AdminMessage Read(ArrayBufferWriter<byte> buffer)
    {
        Assert.True(AdminMessageReader.TryReadMessage(buffer.WrittenSpan, out var message, out var error), error);
        return message;
    }

    private sealed record Sample(string DisplayName, int Count);
}
