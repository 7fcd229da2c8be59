using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pomelo.Akka.Node.Cli.Output;

/// <summary>
/// Where the command line writes: human output through a Spectre console over standard output, JSON straight to
/// standard output (never wrapped), and errors to standard error.
/// </summary>
internal sealed class CliOutput
{
    private const int RedirectedWidth = 200;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public CliOutput(CliEnvironment environment)
    {
        Out = environment.Out;
        Error = environment.Error;
        var terminal = !environment.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            Console.Profile.Width = RedirectedWidth;
        }
    }

    /// <summary>Gets the Spectre console tables are rendered on.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Gets standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Writes a reply body as one indented JSON document (<c>null</c> for an empty body).</summary>
    /// <param name="body">The body.</param>
    public void Json(JsonElement? body)
    {
        Out.WriteLine(body is { } b ? JsonSerializer.Serialize(b, Indented) : "null");
        Out.Flush();
    }

    /// <summary>Writes a line of plain text (no markup).</summary>
    /// <param name="text">The text.</param>
    public void Line(string text) => Console.WriteLine(text);

    /// <summary>Renders a table or other renderable.</summary>
    /// <param name="renderable">What to render.</param>
    public void Render(IRenderable renderable) => Console.Write(renderable);

    /// <summary>Writes <c>error: message</c> to standard error.</summary>
    /// <param name="message">The message.</param>
    public void Fail(string message)
    {
        Error.WriteLine("error: " + message);
        Error.Flush();
    }
}
