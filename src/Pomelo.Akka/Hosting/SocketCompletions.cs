namespace Pomelo.Akka.Hosting;

/// <summary>
/// Where a process's socket completions run. By default .NET hands every completed receive or send from its epoll
/// thread to the thread pool, and the transport then hands the bytes to the connection's read loop on the pool
/// again: two thread hops per received frame. With <see cref="Variable"/> set to <c>1</c> the completion runs on the
/// epoll thread itself, which only copies the bytes into the connection's pipe (the read loop, and any user code,
/// still runs on the pool): one hop less on every request, reply and membership event.
/// </summary>
/// <remarks>
/// The runtime reads the variable once, when the process makes its first asynchronous socket call, so a host sets it
/// first thing in <c>Main</c>. The trade-off is the runtime's: a continuation that blocked on the epoll thread would
/// stall every socket of the process. Nothing of this library blocks there (Kestrel's transport writes into a pipe
/// and returns), but a host that also runs other socket clients whose awaiting code may block should leave it off.
/// Measured on a 2-core machine (bench/README.md): the request/reply round trip's p50 mostly ≈ 24 µs where it used to
/// alternate between ≈ 25 and ≈ 41 µs, socket close → last node's map 5.8 → 4.6 ms (medians), the rest unchanged.
/// </remarks>
public static class SocketCompletions
{
    /// <summary>The runtime's switch (<c>System.Net.Sockets</c> on Linux and macOS).</summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Gets the value of <see cref="Variable"/> in this process, or null when it is not set.</summary>
    public static string? Setting => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Gets a value indicating whether this process's socket completions run on the epoll thread.</summary>
    public static bool Inline => Setting == "1";

    /// <summary>
    /// Makes this process's socket completions run inline unless the operator set <see cref="Variable"/> (to any
    /// value); the processes it starts inherit the choice. Call it before the first socket is used.
    /// </summary>
    /// <returns>Whether completions run inline.</returns>
    public static bool PreferInline()
    {
        if (Setting is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }

        return Inline;
    }
}
