using Pomelo.Akka.Node.Cli.Shell;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>A keyboard that types a script: text, and named keys such as Tab, Up or Enter. Running out is Ctrl+D.</summary>
internal sealed class ScriptedKeys : IConsoleInput
{
    private readonly Queue<ConsoleKeyInfo> _keys = new();

    public ScriptedKeys Type(string text)
    {
        foreach (var c in text)
        {
            _keys.Enqueue(new ConsoleKeyInfo(c, c == ' ' ? ConsoleKey.Spacebar : ConsoleKey.A, false, false, false));
        }

        return this;
    }

    public ScriptedKeys Press(ConsoleKey key, bool control = false)
    {
        var c = key switch { ConsoleKey.Enter => '\r', ConsoleKey.Tab => '\t', ConsoleKey.Backspace => '\b', ConsoleKey.Escape => '\u001b', _ => '\0' };
        _keys.Enqueue(new ConsoleKeyInfo(c, key, false, false, control));
        return this;
    }

    public ScriptedKeys Line(string text) => Type(text).Press(ConsoleKey.Enter);

    public ValueTask<ConsoleKeyInfo> ReadKeyAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult(_keys.Count > 0 ? _keys.Dequeue() : new ConsoleKeyInfo('\u0004', ConsoleKey.D, false, false, true));
}
