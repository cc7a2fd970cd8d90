using System.Globalization;
using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Microsoft.Extensions.Options;

namespace CaseFlow.Workflows.Expressions;

/// <summary>Evaluates expressions with Jint in a sandbox: strict mode, no CLR access, and hard limits.</summary>
/// <remarks>
/// A fresh <see cref="Engine"/> is created per evaluation so no state (globals, prototypes patched by a
/// script) leaks from one instance or process to another; scripts themselves are parsed once and cached on
/// the graph. Variables are handed in by parsing their JSON inside the engine, so a script can only ever see
/// JavaScript values, never a .NET object it could reach through.
/// </remarks>
public sealed class JintExpressionEvaluator(IOptions<WorkflowEngineOptions> options) : IExpressionEvaluator
{
    /// <summary>The global that holds all variables, for names that are not valid identifiers.</summary>
    public const string VariablesGlobal = "variables";

    private readonly WorkflowEngineOptions _options = options.Value;

    /// <inheritdoc />
    public bool TryCompile(string source, out CompiledExpression? expression, out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        expression = null;
        error = null;
        if (string.IsNullOrWhiteSpace(source))
        {
            error = "The expression is empty.";
            return false;
        }

        try
        {
            expression = new CompiledExpression(source, Engine.PrepareScript(source, strict: true));
            return true;
        }
        catch (ScriptPreparationException ex)
        {
            error = $"The expression '{Shorten(source)}' is not valid JavaScript: {(ex.InnerException ?? ex).Message}";
            return false;
        }
        catch (Acornima.ParseErrorException ex)
        {
            error = $"The expression '{Shorten(source)}' is not valid JavaScript: {ex.Message}";
            return false;
        }
    }

    /// <inheritdoc />
    public ExpressionResult<bool> EvaluateCondition(CompiledExpression expression, JsonObject variables)
    {
        var (value, _, failure) = Run(expression, variables);
        return failure is not null
            ? new ExpressionResult<bool>(false, failure)
            : new ExpressionResult<bool>(TypeConverter.ToBoolean(value!), null);
    }

    /// <inheritdoc />
    public ExpressionResult<JsonNode?> Evaluate(CompiledExpression expression, JsonObject variables)
    {
        var (value, engine, failure) = Run(expression, variables);
        if (failure is not null)
        {
            return new ExpressionResult<JsonNode?>(null, failure);
        }

        try
        {
            return new ExpressionResult<JsonNode?>(ToJson(engine!, value!), null);
        }
        catch (JintException ex)
        {
            return Fail<JsonNode?>(expression, ex);
        }
        catch (TimeoutException ex)
        {
            return Fail<JsonNode?>(expression, ex);
        }
    }

    private (JsValue? Value, Engine? Engine, ExpressionFailure? Failure) Run(CompiledExpression expression, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        var engine = new Engine(o =>
        {
            o.Strict()
                .TimeoutInterval(_options.ExpressionTimeout)
                .LimitMemory(_options.ExpressionMemoryLimitBytes)
                .LimitRecursion(_options.ExpressionRecursionLimit)
                .MaxStatements(_options.ExpressionMaxStatements);

            // Regular expressions run inside one statement, so the statement-level timeout cannot stop a catastrophic
            // one: .NET's own match timeout does. Arrays are bounded so a script cannot size one past the memory limit.
            o.Constraints.RegexTimeout = _options.ExpressionTimeout;
            o.Constraints.MaxArraySize = (uint)Math.Clamp(_options.ExpressionMemoryLimitBytes / 8, 1, uint.MaxValue);
        });
        try
        {
            SandboxPrelude.Install(engine, _options.ExpressionMemoryLimitBytes / 2);
            var root = new JsonParser(engine).Parse(variables.ToJsonString());
            engine.SetValue(VariablesGlobal, root);
            if (root is ObjectInstance obj)
            {
                foreach (var key in obj.GetOwnPropertyKeys())
                {
                    engine.SetValue(key.ToString(), obj.Get(key));
                }
            }

            return (engine.Evaluate(expression.Script), engine, null);
        }
        catch (JintException ex)
        {
            return (null, null, Describe(expression, ex));
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
        {
            return (null, null, Describe(expression, ex));
        }
        catch (TimeoutException ex)
        {
            return (null, null, Describe(expression, ex));
        }
    }

    private ExpressionResult<T> Fail<T>(CompiledExpression expression, Exception ex) =>
        new(default!, Describe(expression, ex));

    private ExpressionFailure Describe(CompiledExpression expression, Exception ex)
    {
        var source = Shorten(expression.Source);
        return ex switch
        {
            System.Text.RegularExpressions.RegexMatchTimeoutException => new(ExpressionFailureKind.SandboxLimit,
                $"The expression '{source}' ran a regular expression longer than {_options.ExpressionTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms and was stopped."),
            JavaScriptException when ex.Message.Contains(SandboxPrelude.Marker, StringComparison.Ordinal) => new(ExpressionFailureKind.SandboxLimit,
                $"The expression '{source}' built a string longer than the memory limit allows and was stopped."),
            TimeoutException or ExecutionCanceledException => new(ExpressionFailureKind.SandboxLimit,
                $"The expression '{source}' ran longer than {_options.ExpressionTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms and was stopped."),
            MemoryLimitExceededException => new(ExpressionFailureKind.SandboxLimit,
                $"The expression '{source}' used more memory than allowed and was stopped."),
            RecursionDepthOverflowException => new(ExpressionFailureKind.SandboxLimit,
                $"The expression '{source}' called functions too deeply (recursion limit {_options.ExpressionRecursionLimit}) and was stopped."),
            StatementsCountOverflowException => new(ExpressionFailureKind.SandboxLimit,
                $"The expression '{source}' ran more than {_options.ExpressionMaxStatements} statements and was stopped."),
            _ => new(ExpressionFailureKind.Error, $"The expression '{source}' failed: {ex.Message}"),
        };
    }

    private static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            var number = value.AsNumber();
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                return null;
            }

            // Whole numbers stay integers so that "3" does not come back as "3.0" in variables and emails.
            return number == Math.Floor(number) && Math.Abs(number) < 9e15
                ? JsonValue.Create((long)number)
                : JsonValue.Create(number);
        }

        var json = new JsonSerializer(engine).Serialize(value, JsValue.Undefined, JsValue.Undefined);
        return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
    }

    private static string Shorten(string source) => source.Length <= 80 ? source : string.Concat(source.AsSpan(0, 77), "...");
}
