using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Pomelo.Akka.Bench.Nodes;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Bench.Micro;

/// <summary>
/// The envelope layer on the messages of the request/reply and notify scenarios: writing a request, a response and a
/// notify, and reading them back — in our plain-JSON form and in pomelo's JSON-string form.
/// </summary>
public class EnvelopeBenchmarks
{
    private readonly AdminMessageWriter _writer = new();
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly EchoReply _reply = new("m-0", 12345);
    private readonly NotifyBody _notify = new(42);
    private byte[] _request = [];
    private byte[] _response = [];
    private byte[] _notifyBytes = [];
    private byte[] _pomeloRequest = [];

    [GlobalSetup]
    public void Setup()
    {
        _request = Written(w => _writer.WriteRequest(w, 12345, BenchModuleIds.Echo, null));
        _response = Written(w => _writer.WriteResponse(w, 12345, null, _reply));
        _notifyBytes = Written(w => _writer.WriteNotify(w, BenchModuleIds.Echo, _notify));

        // pomelo's MqttClient JSON.stringify()s the string that composeRequest already stringified.
        var inner = Encoding.UTF8.GetString(_request);
        _pomeloRequest = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(inner));
    }

    [Benchmark(Description = "WriteRequest {reqId, moduleId, body:null}")]
    public int WriteRequest()
    {
        _output.ResetWrittenCount();
        _writer.WriteRequest(_output, 12345, BenchModuleIds.Echo, null);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "WriteResponse {respId, error:null, body:{id,pid}}")]
    public int WriteResponse()
    {
        _output.ResetWrittenCount();
        _writer.WriteResponse(_output, 12345, null, _reply);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "WriteNotify {moduleId, body:{seq}}")]
    public int WriteNotify()
    {
        _output.ResetWrittenCount();
        _writer.WriteNotify(_output, BenchModuleIds.Echo, _notify);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "TryReadMessage request")]
    public AdminMessage? ReadRequest() => AdminMessageReader.TryReadMessage(_request, out var m, out _) ? m : null;

    [Benchmark(Description = "TryReadMessage response")]
    public AdminMessage? ReadResponse() => AdminMessageReader.TryReadMessage(_response, out var m, out _) ? m : null;

    [Benchmark(Description = "TryReadMessage notify")]
    public AdminMessage? ReadNotify() => AdminMessageReader.TryReadMessage(_notifyBytes, out var m, out _) ? m : null;

    [Benchmark(Description = "TryReadMessage request, pomelo's string form")]
    public AdminMessage? ReadPomeloRequest() => AdminMessageReader.TryReadMessage(_pomeloRequest, out var m, out _) ? m : null;

    private static byte[] Written(Action<ArrayBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenMemory.ToArray();
    }
}
