using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Equality semantics of <see cref="PublishPacket"/>.</summary>
public sealed class PublishPacketTests
{
    /// <summary>Payloads are compared by content, with a consistent hash code.</summary>
    [Fact]
    public void Equals_SamePayloadBytesInDifferentArrays_IsTrue()
    {
        var left = new PublishPacket("t", new byte[] { 1, 2, 3 });
        var right = new PublishPacket("t", new byte[] { 1, 2, 3 });

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    /// <summary>Any differing field makes packets unequal.</summary>
    [Fact]
    public void Equals_DifferentPayloadTopicOrFlags_IsFalse()
    {
        var packet = new PublishPacket("t", new byte[] { 1, 2, 3 });

        Assert.NotEqual(packet, packet with { Payload = new byte[] { 1, 2, 4 } });
        Assert.NotEqual(packet, packet with { Topic = "u" });
        Assert.NotEqual(packet, packet with { Retain = true });
        Assert.NotEqual(packet, packet with { QualityOfService = 1, PacketId = 1 });
    }
}
