using System.Text;

namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>The line being edited and the cursor in it.</summary>
internal sealed class LineBuffer
{
    private readonly StringBuilder _text = new();

    /// <summary>Gets the cursor position (0 = before the first character).</summary>
    public int Cursor { get; private set; }

    /// <summary>Gets the text.</summary>
    public string Text => _text.ToString();

    /// <summary>Gets the length of the text.</summary>
    public int Length => _text.Length;

    /// <summary>Inserts text at the cursor and moves the cursor after it.</summary>
    /// <param name="text">The text.</param>
    public void Insert(string text)
    {
        _text.Insert(Cursor, text);
        Cursor += text.Length;
    }

    /// <summary>Erases the character before the cursor.</summary>
    public void Backspace()
    {
        if (Cursor > 0)
        {
            _text.Remove(--Cursor, 1);
        }
    }

    /// <summary>Erases the character under the cursor.</summary>
    public void Delete()
    {
        if (Cursor < _text.Length)
        {
            _text.Remove(Cursor, 1);
        }
    }

    /// <summary>Moves the cursor, kept within the text.</summary>
    /// <param name="position">The new position.</param>
    public void MoveTo(int position) => Cursor = Math.Clamp(position, 0, _text.Length);

    /// <summary>Replaces the whole text and puts the cursor at its end.</summary>
    /// <param name="text">The new text.</param>
    public void Set(string text)
    {
        _text.Clear().Append(text);
        Cursor = _text.Length;
    }

    /// <summary>Replaces the text from <paramref name="start"/> to the cursor and puts the cursor after the replacement.</summary>
    /// <param name="start">Where the replaced part starts.</param>
    /// <param name="replacement">The new text.</param>
    public void ReplaceBeforeCursor(int start, string replacement)
    {
        _text.Remove(start, Cursor - start).Insert(start, replacement);
        Cursor = start + replacement.Length;
    }
}
