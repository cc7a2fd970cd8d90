using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Forms;

/// <summary>
/// A form-js condition (<c>conditional.hide</c>) in the FEEL subset CaseFlow evaluates the same way on the server and
/// in the browser: literals (strings in double quotes, numbers, <c>true</c>, <c>false</c>, <c>null</c>), names and
/// dotted paths over the form's data (the completion's variables and <c>outcome</c>), <c>= != &lt; &lt;= &gt; &gt;=</c>,
/// <c>x in ("a", "b")</c> / <c>x in ["a", "b"]</c>, <c>and</c>, <c>or</c>, <c>not(...)</c> and parentheses.
/// </summary>
/// <remarks>
/// Why a subset and not a FEEL engine: a hide condition decides whether the server requires a field, so the server and
/// the renderer must agree exactly; a small grammar both sides run from one source does that, and anything outside
/// it is refused when the draft is saved instead of being misread at completion.
/// </remarks>
public sealed class FeelCondition
{
    private readonly FeelNode _root;

    private FeelCondition(string source, FeelNode root, IReadOnlySet<string> names)
    {
        Source = source;
        _root = root;
        Names = names;
    }

    /// <summary>The expression as written (the leading <c>=</c> removed).</summary>
    public string Source { get; }

    /// <summary>The first segment of every name the expression reads (e.g. <c>outcome</c>, <c>refusalGround</c>).</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>Parses <paramref name="text"/> (form-js writes a leading <c>=</c>); false with a message when outside the subset.</summary>
    public static bool TryParse(string text, out FeelCondition? condition, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = text.Trim();
        if (source.StartsWith('='))
        {
            source = source[1..].Trim();
        }

        condition = null;
        try
        {
            var parser = new FeelParser(source);
            var root = parser.Parse();
            condition = new FeelCondition(source, root, parser.Names);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>True when the expression is true for <paramref name="data"/>; null, false and errors count as false.</summary>
    public bool IsTrue(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Evaluate(_root, data) is true;
    }

    private static object? Evaluate(FeelNode node, JsonObject data) => node switch
    {
        FeelNode.Literal literal => literal.Value,
        FeelNode.Name name => Lookup(data, name.Path),
        FeelNode.ListNode list => list.Items.Select(i => Evaluate(i, data)).ToList(),
        FeelNode.Not not => Evaluate(not.Operand, data) is bool b ? !b : null,
        FeelNode.Binary { Operator: "and" } and => And(Evaluate(and.Left, data), Evaluate(and.Right, data)),
        FeelNode.Binary { Operator: "or" } or => Or(Evaluate(or.Left, data), Evaluate(or.Right, data)),
        FeelNode.Binary { Operator: "in" } within => Evaluate(within.Right, data) is List<object?> items
            ? items.Any(i => Equal(Evaluate(within.Left, data), i) is true)
            : null,
        FeelNode.Binary binary => Compare(binary.Operator, Evaluate(binary.Left, data), Evaluate(binary.Right, data)),
        _ => null,
    };

    private static bool? And(object? left, object? right) =>
        left is false || right is false ? false : left is true && right is true ? true : null;

    private static bool? Or(object? left, object? right) =>
        left is true || right is true ? true : left is false && right is false ? false : null;

    private static object? Compare(string op, object? left, object? right)
    {
        switch (op)
        {
            case "=":
                return Equal(left, right);
            case "!=":
                return Equal(left, right) is bool b ? !b : null;
        }

        int? order = (left, right) switch
        {
            (decimal l, decimal r) => l.CompareTo(r),
            (string l, string r) => string.CompareOrdinal(l, r),
            _ => null,
        };
        return order is not { } o ? null : op switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            ">=" => o >= 0,
            _ => null,
        };
    }

    /// <summary>FEEL equality: null equals only null; values of different types are not equal.</summary>
    private static bool? Equal(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (decimal l, decimal r) => l == r,
        (string l, string r) => string.Equals(l, r, StringComparison.Ordinal),
        (bool l, bool r) => l == r,
        (List<object?> l, List<object?> r) => l.Count == r.Count && l.Zip(r).All(p => Equal(p.First, p.Second) is true),
        _ => false,
    };

    private static object? Lookup(JsonObject data, IReadOnlyList<string> path)
    {
        JsonNode? node = data;
        foreach (var segment in path)
        {
            node = node is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return FromJson(node);
    }

    /// <summary>A JSON value as a FEEL value: string, decimal, bool, list or null.</summary>
    internal static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(FromJson).ToList(),
        JsonObject => null,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.TryGetValue<decimal>(out var d) ? d
                : decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };
}
