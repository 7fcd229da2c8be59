namespace Pomelo.Akka.Protocol;

/// <summary>The master's reply to a register or reconnect: <c>{code, msg}</c>.</summary>
/// <param name="Code"><see cref="ProtocolCodes.Ok"/> or <see cref="ProtocolCodes.Fail"/>.</param>
/// <param name="Msg">A human-readable reason, <c>ok</c> on success.</param>
public sealed record RegisterReply(int Code, string? Msg)
{
    /// <summary>Gets whether the registration was accepted.</summary>
    public bool IsOk => Code == ProtocolCodes.Ok;
}
