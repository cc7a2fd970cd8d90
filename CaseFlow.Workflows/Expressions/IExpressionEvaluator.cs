using System.Text.Json.Nodes;

namespace CaseFlow.Workflows.Expressions;

/// <summary>Compiles and evaluates the JavaScript in conditions and activity inputs inside a sandbox.</summary>
/// <remarks>
/// Expressions are written by legal officers and run on the server, so they see the process variables as
/// plain JSON values and nothing else: no CLR objects, no I/O, and hard limits on time, memory, recursion and
/// statements. Evaluation never throws for script problems; it returns an <see cref="ExpressionFailure"/>.
/// </remarks>
public interface IExpressionEvaluator
{
    /// <summary>Parses <paramref name="source"/>; on a syntax error returns false with a readable message.</summary>
    bool TryCompile(string source, out CompiledExpression? expression, out string? error);

    /// <summary>Evaluates a condition and applies JavaScript truthiness.</summary>
    ExpressionResult<bool> EvaluateCondition(CompiledExpression expression, JsonObject variables);

    /// <summary>Evaluates an expression to a JSON value (null for <c>null</c> and <c>undefined</c>).</summary>
    ExpressionResult<JsonNode?> Evaluate(CompiledExpression expression, JsonObject variables);
}
