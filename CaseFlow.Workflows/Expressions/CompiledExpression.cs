using Acornima.Ast;
using Jint;

namespace CaseFlow.Workflows.Expressions;

/// <summary>A JavaScript expression parsed once when the process graph is built and reused on every evaluation.</summary>
/// <remarks>Immutable and thread-safe: Jint's prepared scripts can be evaluated by many engines at once.</remarks>
public sealed class CompiledExpression
{
    internal CompiledExpression(string source, Prepared<Script> script)
    {
        Source = source;
        Script = script;
    }

    /// <summary>The JavaScript text as written in the BPMN file (without any <c>${...}</c> wrapper).</summary>
    public string Source { get; }

    internal Prepared<Script> Script { get; }

    /// <inheritdoc />
    public override string ToString() => Source;
}
