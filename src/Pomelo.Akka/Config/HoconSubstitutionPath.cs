using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>Parses the path expression between <c>${</c> and <c>}</c> into path segments.</summary>
internal static class HoconSubstitutionPath
{
    /// <summary>Parses a substitution path expression.</summary>
    /// <param name="expression">The text between <c>${</c> (or <c>${?</c>) and <c>}</c>.</param>
    /// <param name="expressionStart">Where the expression starts, for positions of errors inside it.</param>
    /// <param name="substitutionStart">Where the <c>${</c> is, for errors about the substitution as a whole.</param>
    public static ImmutableArray<string> Parse(string expression, HoconPosition expressionStart, HoconPosition substitutionStart)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new HoconParseException("empty substitution: expected a path such as ${a.b} between '${' and '}'", substitutionStart);
        }

        var tokens = HoconLexer.Tokenize(expression, expressionStart);
        var first = 0;
        var last = tokens.Count - 2;
        while (first <= last && tokens[first].Kind == HoconTokenKind.Whitespace)
        {
            first++;
        }

        while (last >= first && tokens[last].Kind == HoconTokenKind.Whitespace)
        {
            last--;
        }

        var builder = new HoconPathBuilder();
        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case HoconTokenKind.Unquoted: builder.AppendUnquoted(token.Text, token.Position); break;
                case HoconTokenKind.Quoted: builder.AppendQuoted(token.Text); break;
                case HoconTokenKind.Whitespace: builder.AppendWhitespace(token.Text); break;
                default:
                    throw new HoconParseException($"invalid substitution path: unexpected {token.Describe()}, expected a path such as ${{a.b}}", token.Position);
            }
        }

        return builder.Build(expressionStart);
    }
}
