namespace Pomelo.Akka;

/// <summary>Marks the Pomelo.Akka library assembly; a stable type to anchor reflection and assembly scanning.</summary>
public static class PomeloAkkaAssembly
{
    /// <summary>The wire protocol version this build speaks, sent in <c>info.protocolVersion</c> by our own nodes.</summary>
    public const int ProtocolVersion = 1;
}
