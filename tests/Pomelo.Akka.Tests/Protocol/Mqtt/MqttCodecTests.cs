using System.Buffers;
using System.Text;
using Pomelo.Akka.Protocol.Mqtt;
using static Pomelo.Akka.Tests.Protocol.Mqtt.MqttTestBytes;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Round trips and known wire bytes for <see cref="MqttCodec"/>.</summary>
public sealed class MqttCodecTests
{
    /// <summary>One packet of every kind the codec writes, with edge-case field values.</summary>
    public static TheoryData<MqttPacket> AllPacketKinds() => new()
    {
        new ConnectPacket("MQTT_ADMIN_1", 0),
        new ConnectPacket(string.Empty, 60, CleanSession: false),
        new ConnectPacket("monitor-ünï-客户端", ushort.MaxValue),
        new ConnAckPacket(ConnAckPacket.Accepted),
        new ConnAckPacket(5, SessionPresent: true),
        new PublishPacket("register", Encoding.UTF8.GetBytes("{\"id\":\"connector-server-1\"}")),
        new PublishPacket("a/b", ReadOnlyMemory<byte>.Empty),
        new PublishPacket("monitor/ü", Pattern(300)) { QualityOfService = 1, PacketId = 7, Retain = true },
        new PublishPacket("q2", Pattern(3)) { QualityOfService = 2, PacketId = ushort.MaxValue, Duplicate = true },
        PingReqPacket.Instance,
        PingRespPacket.Instance,
        DisconnectPacket.Instance,
    };

    /// <summary>Every writable packet reads back equal, payload bytes included.</summary>
    [Theory]
    [MemberData(nameof(AllPacketKinds))]
    public void Write_ThenTryRead_ReturnsEqualPacket(MqttPacket packet)
    {
        var read = ReadSingle(Encode(packet));

        Assert.Equal(packet, read);
        Assert.Equal(packet.Type, read.Type);
        if (packet is PublishPacket published)
        {
            var readPublish = Assert.IsType<PublishPacket>(read);
            Assert.Equal(published.Topic, readPublish.Topic);
            Assert.Equal(published.Payload.ToArray(), readPublish.Payload.ToArray());
        }
    }

    /// <summary>The two-byte frames decode to their shared instances and encode back to the same bytes.</summary>
    [Theory]
    [InlineData("C0 00")]
    [InlineData("D0 00")]
    [InlineData("E0 00")]
    public void TryRead_KnownEmptyFrames_ReturnsSharedInstanceThatReencodesIdentically(string hex)
    {
        var bytes = Hex(hex);
        var packet = ReadSingle(bytes);

        Assert.Equal(bytes, Encode(packet));
        Assert.Same(packet, ReadSingle(bytes));
    }

    /// <summary>PINGREQ, PINGRESP and DISCONNECT are written as C0 00, D0 00 and E0 00.</summary>
    [Fact]
    public void Write_PingReqPingRespDisconnect_UseTheSpecifiedTypes()
    {
        Assert.Equal(Hex("C0 00"), Encode(PingReqPacket.Instance));
        Assert.Equal(Hex("D0 00"), Encode(PingRespPacket.Instance));
        Assert.Equal(Hex("E0 00"), Encode(DisconnectPacket.Instance));
    }

    /// <summary>CONNACK is written as 20 02, acknowledge flags, return code.</summary>
    [Fact]
    public void Write_ConnAckAccepted_MatchesKnownBytes()
    {
        Assert.Equal(Hex("20 02 00 00"), Encode(new ConnAckPacket(0)));
        Assert.Equal(Hex("20 02 01 05"), Encode(new ConnAckPacket(5, SessionPresent: true)));
    }

    /// <summary>CONNECT matches the bytes npm mqtt-packet writes for pomelo-admin's client.</summary>
    [Fact]
    public void Write_ConnectLikeMqttPacket_MatchesHandBuiltBytes()
    {
        // mqtt-packet's generate({cmd:'connect', clientId:'MQTT_ADMIN_1', keepalive:0}): protocol "MQTT", level 4,
        // connect flags 0x02 (clean session), keep-alive 0, then the client id.
        byte[] expected =
        [
            0x10, 24,
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T',
            0x04,
            0x02,
            0x00, 0x00,
            0x00, 12, .. "MQTT_ADMIN_1"u8,
        ];

        Assert.Equal(expected, Encode(new ConnectPacket("MQTT_ADMIN_1", 0)));
        Assert.Equal(new ConnectPacket("MQTT_ADMIN_1", 0), ReadSingle(expected));
    }

    /// <summary>A QoS 0 PUBLISH to "register" matches hand-built bytes from both write paths.</summary>
    [Fact]
    public void WritePublish_QoS0Register_MatchesHandBuiltBytes()
    {
        var payload = "{\"a\":1}"u8.ToArray();
        byte[] expected = [0x30, 2 + 8 + 7, 0x00, 0x08, .. "register"u8, .. payload];
        var writer = new ArrayBufferWriter<byte>();

        MqttCodec.WritePublish(writer, "register", payload);

        Assert.Equal(expected, writer.WrittenSpan.ToArray());
        Assert.Equal(expected, Encode(new PublishPacket("register", payload)));
        Assert.Equal(new PublishPacket("register", payload), ReadSingle(expected));
    }

    /// <summary>An MQTT 3.1 CONNECT carrying will, user name and password is fully consumed.</summary>
    [Fact]
    public void TryRead_MqIsdpLevel3WithWillUserAndPassword_SkipsOptionalFields()
    {
        byte[] frame =
        [
            0x10, 0, // remaining length patched below
            0x00, 0x06, .. "MQIsdp"u8, 0x03,
            0xEE, // user name, password, will retain, will QoS 1, will flag, clean session
            0x00, 0x0A,
            0x00, 0x03, .. "cid"u8,
            0x00, 0x01, (byte)'w', 0x00, 0x02, 0xFF, 0x00,
            0x00, 0x04, .. "user"u8,
            0x00, 0x02, 0x01, 0x02,
        ];
        frame[1] = (byte)(frame.Length - 2);

        Assert.Equal(new ConnectPacket("cid", 10, CleanSession: true), ReadSingle(frame));
    }

    /// <summary>Invalid topics and inconsistent QoS/packet id are rejected before anything is written.</summary>
    [Fact]
    public void Write_UnsupportedPublishArguments_Throws()
    {
        var writer = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentException>(() => MqttCodec.WritePublish(writer, string.Empty, default));
        Assert.Throws<ArgumentException>(() => MqttCodec.WritePublish(writer, "a/#", default));
        Assert.Throws<ArgumentException>(() => MqttCodec.WritePublish(writer, new string('t', 65536), default));
        Assert.Throws<ArgumentException>(() => MqttCodec.Write(writer, new PublishPacket("t", default) { QualityOfService = 1 }));
        Assert.Throws<ArgumentException>(() => MqttCodec.Write(writer, new PublishPacket("t", default) { PacketId = 3 }));
        Assert.Throws<ArgumentException>(() => MqttCodec.Write(writer, new PublishPacket("t", default) { QualityOfService = 3, PacketId = 1 }));
        Assert.Equal(0, writer.WrittenCount);
    }
}
