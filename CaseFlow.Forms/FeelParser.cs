using System.Globalization;
using System.Text;

namespace CaseFlow.Forms;

/// <summary>Recursive-descent parser of the FEEL subset (see <see cref="FeelCondition"/>); throws <see cref="FormatException"/>.</summary>
internal sealed class FeelParser(string source)
{
    private static readonly string[] Comparisons = ["<=", ">=", "!=", "=", "<", ">"];
    private int _at;

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    public FeelNode Parse()
    {
        if (source.Length == 0)
        {
            throw new FormatException("The condition is empty.");
        }

        var node = Or();
        Skip();
        if (_at < source.Length)
        {
            throw new FormatException($"Unexpected '{source[_at..]}' at position {_at + 1}; CaseFlow reads literals, names, = != < <= > >=, in, and, or, not() and parentheses.");
        }

        return node;
    }

    private FeelNode Or()
    {
        var left = And();
        while (Keyword("or"))
        {
            left = new FeelNode.Binary("or", left, And());
        }

        return left;
    }

    private FeelNode And()
    {
        var left = Comparison();
        while (Keyword("and"))
        {
            left = new FeelNode.Binary("and", left, Comparison());
        }

        return left;
    }

    private FeelNode Comparison()
    {
        var left = Primary();
        Skip();
        foreach (var op in Comparisons)
        {
            if (string.CompareOrdinal(source, _at, op, 0, op.Length) == 0)
            {
                _at += op.Length;
                return new FeelNode.Binary(op, left, Primary());
            }
        }

        if (Keyword("in"))
        {
            Skip();
            var close = Peek() switch
            {
                '(' => ')',
                '[' => ']',
                _ => throw new FormatException($"'in' must be followed by a list such as (\"a\", \"b\") at position {_at + 1}."),
            };
            _at++;
            return new FeelNode.Binary("in", left, new FeelNode.ListNode(Items(close)));
        }

        return left;
    }

    private FeelNode Primary()
    {
        Skip();
        var c = Peek();
        if (c == '(')
        {
            _at++;
            var inner = Or();
            Expect(')');
            return inner;
        }

        if (c == '[')
        {
            _at++;
            return new FeelNode.ListNode(Items(']'));
        }

        if (c == '"')
        {
            return new FeelNode.Literal(StringLiteral());
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            var start = _at;
            _at++;
            while (_at < source.Length && (char.IsAsciiDigit(source[_at]) || source[_at] == '.'))
            {
                _at++;
            }

            return decimal.TryParse(source[start.._at], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? new FeelNode.Literal(number)
                : throw new FormatException($"'{source[start.._at]}' is not a number.");
        }

        if (char.IsLetter(c) || c == '_')
        {
            var path = new List<string> { Identifier() };
            while (Peek() == '.')
            {
                _at++;
                path.Add(Identifier());
            }

            switch (path)
            {
                case ["true"]:
                    return new FeelNode.Literal(true);
                case ["false"]:
                    return new FeelNode.Literal(false);
                case ["null"]:
                    return new FeelNode.Literal(null);
                case ["not"]:
                    Skip();
                    Expect('(');
                    var operand = Or();
                    Expect(')');
                    return new FeelNode.Not(operand);
            }

            Skip();
            if (Peek() == '(')
            {
                throw new FormatException($"The function '{string.Join('.', path)}' is not supported; CaseFlow reads comparisons, in, and, or and not().");
            }

            Names.Add(path[0]);
            return new FeelNode.Name(path);
        }

        throw new FormatException(_at >= source.Length
            ? "The condition ends too early."
            : $"Unexpected '{c}' at position {_at + 1}.");
    }

    private List<FeelNode> Items(char close)
    {
        var items = new List<FeelNode>();
        Skip();
        if (Peek() == close)
        {
            _at++;
            return items;
        }

        while (true)
        {
            items.Add(Primary());
            Skip();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }

            Expect(close);
            return items;
        }
    }

    private string StringLiteral()
    {
        _at++;
        var text = new StringBuilder();
        while (_at < source.Length && source[_at] != '"')
        {
            if (source[_at] == '\\' && _at + 1 < source.Length)
            {
                _at++;
            }

            text.Append(source[_at]);
            _at++;
        }

        Expect('"');
        return text.ToString();
    }

    private string Identifier()
    {
        var start = _at;
        while (_at < source.Length && (char.IsLetterOrDigit(source[_at]) || source[_at] == '_'))
        {
            _at++;
        }

        return _at > start ? source[start.._at] : throw new FormatException($"A name is expected at position {start + 1}.");
    }

    private bool Keyword(string word)
    {
        Skip();
        var end = _at + word.Length;
        if (end <= source.Length && string.CompareOrdinal(source, _at, word, 0, word.Length) == 0
            && (end == source.Length || !(char.IsLetterOrDigit(source[end]) || source[end] == '_')))
        {
            _at = end;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        Skip();
        if (Peek() != c)
        {
            throw new FormatException($"'{c}' is expected at position {_at + 1}.");
        }

        _at++;
    }

    private char Peek() => _at < source.Length ? source[_at] : '\0';

    private void Skip()
    {
        while (_at < source.Length && char.IsWhiteSpace(source[_at]))
        {
            _at++;
        }
    }
}
