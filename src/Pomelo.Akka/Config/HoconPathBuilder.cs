using System.Collections.Immutable;
using System.Text;

namespace Pomelo.Akka.Config;

/// <summary>
/// Assembles a path expression (a key or a substitution path) from tokens:
/// unquoted text is split on <c>.</c>, quoted text is kept whole, whitespace between tokens is kept.
/// </summary>
internal sealed class HoconPathBuilder
{
    private readonly ImmutableArray<string>.Builder _segments = ImmutableArray.CreateBuilder<string>();
    private readonly StringBuilder _current = new();
    private bool _currentHasContent;

    /// <summary>Appends quoted text to the current segment; dots in it do not split the path.</summary>
    public void AppendQuoted(string text)
    {
        _current.Append(text);
        _currentHasContent = true;
    }

    /// <summary>Appends whitespace found between two tokens of the path.</summary>
    public void AppendWhitespace(string text) => _current.Append(text);

    /// <summary>Appends unquoted text, starting a new segment at every dot.</summary>
    public void AppendUnquoted(string text, HoconPosition position)
    {
        var pieces = text.Split('.');
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                CloseSegment(position);
            }

            _current.Append(pieces[i]);
            _currentHasContent |= pieces[i].Length > 0;
        }
    }

    /// <summary>Finishes the path and returns its segments.</summary>
    public ImmutableArray<string> Build(HoconPosition position)
    {
        CloseSegment(position);
        return _segments.ToImmutable();
    }

    private void CloseSegment(HoconPosition position)
    {
        if (!_currentHasContent)
        {
            throw new HoconParseException(
                "expected a path segment: a path may not be empty, start or end with '.', or contain '..' (quote the key to use dots)",
                position);
        }

        _segments.Add(_current.ToString());
        _current.Clear();
        _currentHasContent = false;
    }
}
