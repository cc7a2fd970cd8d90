using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Puts every .bpmn file under CASEFLOW_INTERCHANGE_DIR (e.g. a checkout of the OMG MIWG test suite, not shipped with
/// the project) through PUT /api/processes/{key}/draft and tallies the answers into CASEFLOW_INTERCHANGE_REPORT.
/// Skipped without the directory. No file may get a 5xx, and a valid draft must come back as UTF-8.
/// </summary>
[Trait("Infrastructure", "InterchangeSuite")] // build/test.sh runs it only when CASEFLOW_INTERCHANGE_DIR is set
public sealed class PublicSuiteApiSurveyTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task EveryFile_IsAnsweredWithout5xx()
    {
        var directory = Environment.GetEnvironmentVariable("CASEFLOW_INTERCHANGE_DIR");
        Assert.SkipWhen(string.IsNullOrEmpty(directory) || !Directory.Exists(directory), "CASEFLOW_INTERCHANGE_DIR is not set.");
        var legal = await app.ClientForAsync("legal");
        var report = new StringBuilder();
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var file in Directory.EnumerateFiles(directory!, "*.bpmn*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var content = new ByteArrayContent(File.ReadAllBytes(file));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            var key = $"survey-{index++}";
            var response = await legal.PutAsync($"/api/processes/{key}/draft", content);
            var body = await response.Content.ReadAsStringAsync();
            var outcome = response.StatusCode != HttpStatusCode.OK ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                : body.Contains("\"valid\":true", StringComparison.Ordinal) ? "valid" : "refused";
            if (outcome == "valid")
            {
                var stored = await legal.GetByteArrayAsync($"/api/processes/{key}/draft");
                outcome = new UTF8Encoding(false, false).GetString(stored).Contains('\uFFFD', StringComparison.Ordinal) ? "corrupted" : outcome;
            }

            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            report.AppendLine(CultureInfo.InvariantCulture, $"{outcome}\t{file}\t{(outcome == "valid" ? "" : body[..Math.Min(body.Length, 300)])}");
        }

        var summary = string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}"));
        if (Environment.GetEnvironmentVariable("CASEFLOW_INTERCHANGE_REPORT") is { Length: > 0 } target)
        {
            await File.WriteAllTextAsync(target, summary + Environment.NewLine + report);
        }

        Assert.DoesNotContain(tally.Keys, k => k.StartsWith('5'));
    }
}
