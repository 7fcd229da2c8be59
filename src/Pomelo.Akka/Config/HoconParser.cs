using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>
/// Parses HOCON (a superset of JSON) into a syntax tree: a <see cref="HoconObjectSyntax"/> root,
/// or a <see cref="HoconArray"/> for JSON documents whose root is an array.
/// Merging, includes and substitutions are handled later by <see cref="HoconTreeBuilder"/> and <see cref="HoconResolver"/>.
/// </summary>
internal sealed class HoconParser
{
    private readonly HoconTokenCursor _cursor;

    private HoconParser(IReadOnlyList<HoconToken> tokens) => _cursor = new HoconTokenCursor(tokens);

    private HoconToken Current => _cursor.Current;

    /// <summary>Parses a whole document.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="file">The file path or display name used in positions.</param>
    public static HoconValue Parse(string text, string file) => new HoconParser(HoconLexer.Tokenize(text, file)).ParseRoot();

    private HoconValue ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        HoconValue root;
        if (Current.Kind == HoconTokenKind.OpenBracket)
        {
            root = ParseArray();
        }
        else if (Current.Kind == HoconTokenKind.OpenBrace)
        {
            var open = Next();
            root = ParseMembers(open);
        }
        else
        {
            return ParseMembers(null);
        }

        SkipWhitespaceAndNewlines();
        if (Current.Kind != HoconTokenKind.EndOfInput)
        {
            throw Error($"expected end of input after the root value, found {Current.Describe()}");
        }

        return root;
    }

    private HoconObjectSyntax ParseMembers(HoconToken? open)
    {
        var position = open?.Position ?? Current.Position;
        var members = ImmutableArray.CreateBuilder<HoconMember>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            if (open is not null && Current.Kind == HoconTokenKind.CloseBrace)
            {
                Next();
                break;
            }

            if (Current.Kind == HoconTokenKind.EndOfInput)
            {
                if (open is not null)
                {
                    throw Error($"expected '}}' to close the object opened at {open.Position.Line}:{open.Position.Column}, found end of input");
                }

                break;
            }

            members.Add(HoconIncludeParser.IsAtInclude(_cursor) ? HoconIncludeParser.Parse(_cursor) : ParseField());
            SkipWhitespace();
            switch (Current.Kind)
            {
                case HoconTokenKind.Comma:
                case HoconTokenKind.Newline:
                    Next();
                    break;
                case HoconTokenKind.EndOfInput:
                    break;
                case HoconTokenKind.CloseBrace when open is not null:
                    break;
                default:
                    var closer = open is null ? string.Empty : " or '}'";
                    throw Error($"expected ',' or a new line{closer} after a field, found {Current.Describe()}");
            }
        }

        return new HoconObjectSyntax(members.ToImmutable(), position);
    }

    private HoconField ParseField()
    {
        var start = Current.Position;
        var path = ParseKey();
        SkipWhitespace();
        var append = false;
        switch (Current.Kind)
        {
            case HoconTokenKind.Colon:
            case HoconTokenKind.Equals:
                Next();
                SkipWhitespaceAndNewlines();
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                append = true;
                SkipWhitespaceAndNewlines();
                break;
            case HoconTokenKind.OpenBrace:
                break;
            default:
                throw Error($"expected ':', '=', '+=' or '{{' after key '{string.Join('.', path)}', found {Current.Describe()}");
        }

        return new HoconField(path, ParseValue(), append, start);
    }

    private ImmutableArray<string> ParseKey()
    {
        var start = Current.Position;
        var builder = new HoconPathBuilder();
        var any = false;
        string pendingWhitespace = string.Empty;
        while (true)
        {
            var token = Current;
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                pendingWhitespace += token.Text;
                Next();
                continue;
            }

            if (token.Kind is not (HoconTokenKind.Unquoted or HoconTokenKind.Quoted))
            {
                break;
            }

            if (any && pendingWhitespace.Length > 0)
            {
                builder.AppendWhitespace(pendingWhitespace);
            }

            pendingWhitespace = string.Empty;
            if (token.Kind == HoconTokenKind.Quoted)
            {
                builder.AppendQuoted(token.Text);
            }
            else
            {
                builder.AppendUnquoted(token.Text, token.Position);
            }

            any = true;
            Next();
        }

        if (!any)
        {
            throw Error($"expected a key (a field name), found {Current.Describe()}");
        }

        return builder.Build(start);
    }

    private HoconValue ParseValue()
    {
        var start = Current;
        var parts = new List<HoconValue>();
        while (true)
        {
            var token = Current;
            HoconValue? part = token.Kind switch
            {
                HoconTokenKind.Quoted => new HoconScalar(token.Text, HoconScalarKind.Quoted, token.Position),
                HoconTokenKind.Unquoted => new HoconScalar(token.Text, HoconScalarKind.Unquoted, token.Position),
                HoconTokenKind.Whitespace => new HoconScalar(token.Text, HoconScalarKind.Whitespace, token.Position),
                HoconTokenKind.Substitution => new HoconSubstitution(token.Path, token.Optional, token.Position),
                _ => null,
            };
            if (part is not null)
            {
                Next();
            }
            else if (token.Kind == HoconTokenKind.OpenBrace)
            {
                part = ParseMembers(Next());
            }
            else if (token.Kind == HoconTokenKind.OpenBracket)
            {
                part = ParseArray();
            }
            else
            {
                break;
            }

            parts.Add(part);
        }

        return HoconValueAssembler.Assemble(parts, start);
    }

    private HoconArray ParseArray()
    {
        var open = Next();
        var elements = ImmutableArray.CreateBuilder<HoconValue>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            if (Current.Kind == HoconTokenKind.CloseBracket)
            {
                Next();
                return new HoconArray(elements.ToImmutable(), open.Position);
            }

            if (Current.Kind == HoconTokenKind.EndOfInput)
            {
                throw Error($"expected ']' to close the array opened at {open.Position.Line}:{open.Position.Column}, found end of input");
            }

            elements.Add(ParseValue());
            SkipWhitespace();
            switch (Current.Kind)
            {
                case HoconTokenKind.Comma:
                case HoconTokenKind.Newline:
                    Next();
                    break;
                case HoconTokenKind.CloseBracket:
                case HoconTokenKind.EndOfInput:
                    break;
                default:
                    throw Error($"expected ',', a new line or ']' after an array element, found {Current.Describe()}");
            }
        }
    }

    private void SkipWhitespace() => _cursor.SkipWhitespace();

    private void SkipWhitespaceAndNewlines() => _cursor.SkipWhitespaceAndNewlines();

    private HoconToken Next() => _cursor.Next();

    private HoconParseException Error(string reason) => _cursor.Error(reason);
}
