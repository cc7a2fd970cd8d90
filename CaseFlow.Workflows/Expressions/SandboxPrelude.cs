using Jint;

namespace CaseFlow.Workflows.Expressions;

/// <summary>
/// Guards the built-ins that build one large string in a single call (<c>repeat</c>, <c>padStart</c>,
/// <c>padEnd</c>, <c>join</c>): Jint checks its memory and time limits between statements, so one
/// <c>'a'.repeat(200000000)</c> would allocate 400 MB and run for seconds before any limit is looked at. The
/// guards refuse, before allocating, any result longer than the memory limit allows.
/// </summary>
internal static class SandboxPrelude
{
    /// <summary>The marker in the refusal's message, so the evaluator reports it as a sandbox limit.</summary>
    public const string Marker = "CaseFlow sandbox";

    private const string Source = """
        (function (max) {
          'use strict';
          function refuse() { throw new RangeError('CaseFlow sandbox: a string longer than ' + max + ' characters is not allowed'); }
          function guard(proto, name, length) {
            var original = proto[name];
            Object.defineProperty(proto, name, {
              value: function () { if (length(this, arguments) > max) { refuse(); } return original.apply(this, arguments); },
              writable: false, configurable: false, enumerable: false
            });
          }
          guard(String.prototype, 'repeat', function (s, a) { return String(s).length * Number(a[0]); });
          guard(String.prototype, 'padStart', function (s, a) { return Number(a[0]); });
          guard(String.prototype, 'padEnd', function (s, a) { return Number(a[0]); });
          guard(Array.prototype, 'join', function (s, a) { return Number(s.length) * Math.max(1, a[0] === undefined ? 1 : String(a[0]).length); });
        })
        """;

    private static readonly Prepared<Acornima.Ast.Script> Prepared = Engine.PrepareScript(Source, strict: true);

    /// <summary>Installs the guards in <paramref name="engine"/> with a limit of <paramref name="maxCharacters"/>.</summary>
    public static void Install(Engine engine, long maxCharacters)
    {
        var install = engine.Evaluate(Prepared);
        engine.Invoke(install, (double)maxCharacters);
    }
}
