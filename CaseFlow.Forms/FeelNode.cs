namespace CaseFlow.Forms;

/// <summary>The syntax tree of a <see cref="FeelCondition"/>.</summary>
internal abstract record FeelNode
{
    internal sealed record Literal(object? Value) : FeelNode;

    internal sealed record Name(IReadOnlyList<string> Path) : FeelNode;

    internal sealed record ListNode(IReadOnlyList<FeelNode> Items) : FeelNode;

    internal sealed record Not(FeelNode Operand) : FeelNode;

    internal sealed record Binary(string Operator, FeelNode Left, FeelNode Right) : FeelNode;
}
