using System.Globalization;
using System.Text;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Tests.Support;

namespace CaseFlow.Workflows.Tests.Bpmn.Interchange;

/// <summary>
/// Runs every .bpmn file under CASEFLOW_INTERCHANGE_DIR (e.g. a checkout of the OMG MIWG test suite, which the
/// project does not ship) through decoding and parsing, and writes a tally to CASEFLOW_INTERCHANGE_REPORT. Skipped
/// without the directory; the point is that no file throws, and the tally shows what is refused and why.
/// </summary>
[Trait("Infrastructure", "InterchangeSuite")] // build/test.sh runs it only when CASEFLOW_INTERCHANGE_DIR is set
public sealed class PublicSuiteSurveyTests
{
    [Fact]
    public void EveryFile_DecodesAndParses_WithoutThrowing()
    {
        var directory = Environment.GetEnvironmentVariable("CASEFLOW_INTERCHANGE_DIR");
        Assert.SkipWhen(string.IsNullOrEmpty(directory) || !Directory.Exists(directory), "CASEFLOW_INTERCHANGE_DIR is not set.");
        var parser = new EngineHarness().Parser;
        var report = new StringBuilder();
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory!, "*.bpmn*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var decoded = BpmnBytes.Decode(File.ReadAllBytes(file));
            string outcome;
            if (decoded.Text is null)
            {
                outcome = "undecodable";
                report.AppendLine(CultureInfo.InvariantCulture, $"{outcome}\t{file}\t{decoded.Error!.Message}");
            }
            else
            {
                var result = parser.Parse(decoded.Text);
                outcome = result.IsValid ? "valid" : result.Graph is null ? "unreadable" : "refused";
                report.AppendLine(CultureInfo.InvariantCulture, $"{outcome}\t{file}\t{string.Join(" | ", result.Errors.Take(4).Select(e => $"[{e.ElementId}] {e.Message}"))}");
                foreach (var error in result.Errors)
                {
                    var key = Reason(error.Message);
                    reasons[key] = reasons.GetValueOrDefault(key) + 1;
                }
            }

            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
        }

        var summary = string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}"));
        var top = string.Join(Environment.NewLine, reasons.OrderByDescending(r => r.Value).Take(60).Select(r => $"{r.Value}\t{r.Key}"));
        var target = Environment.GetEnvironmentVariable("CASEFLOW_INTERCHANGE_REPORT");
        if (!string.IsNullOrEmpty(target))
        {
            File.WriteAllText(target, $"{summary}{Environment.NewLine}{top}{Environment.NewLine}{report}");
        }

        Assert.NotEmpty(tally);
    }

    /// <summary>The message with quoted names replaced, so messages of one kind count together.</summary>
    private static string Reason(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, "'[^']*'|\"[^\"]*\"|\\([^)]*\\)|\\d+", "_");
}
