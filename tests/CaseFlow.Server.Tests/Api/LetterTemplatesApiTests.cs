using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Letters;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Tests.Api;

/// <summary><c>/api/templates</c>: the shipped letters, versioned edits with validation, and previews.</summary>
public sealed class LetterTemplatesApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task List_HasTheShippedTemplatesAsVersionOne()
    {
        var legal = await app.ClientForAsync("legal");

        var templates = (await legal.GetFromJsonAsync<JsonArray>("/api/templates"))!;

        Assert.Equal(
            ["acknowledgement", "acceptance", "refusal", "correction-request", "termination-notice", "police-transfer-letter", "escalation", "deadline-warning"],
            templates.Select(t => (string)t!["code"]!));
        var refusal = templates.Single(t => (string)t!["code"]! == "refusal")!;
        Assert.Equal("不予受理告知", (string)refusal["name"]!);
        Assert.Equal(1, (int)refusal["version"]!); // no test in this class edits the refusal letter
        Assert.Equal("system", (string)refusal["createdBy"]!);
    }

    [Fact]
    public async Task Get_Refusal_HasReasonFieldAndTheOtherRoutesOfArticle39()
    {
        var legal = await app.ClientForAsync("legal");

        var refusal = (await legal.GetFromJsonAsync<JsonObject>("/api/templates/refusal"))!;

        Assert.Contains("reason", refusal["fields"]!.AsArray().Select(f => (string)f!));
        var body = (string)refusal["current"]!["body"]!;
        Assert.Contains("{{reason}}", body, StringComparison.Ordinal);
        Assert.Contains("第三十九条", body, StringComparison.Ordinal);
        Assert.Contains("向人民法院提起诉讼", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync("/api/templates/no-such-letter")).StatusCode);
    }

    [Fact]
    public async Task Put_UnknownFieldOrUnbalancedBraces_Returns400NamingThePartAndTheField()
    {
        var legal = await app.ClientForAsync("legal");

        var unknown = await legal.PutAsJsonAsync("/api/templates/acceptance", new { subject = "受理告知（{{caseNumber}}）", body = "{{complainantName}}：罚款{{fineAmount}}元。" });
        var unbalanced = await legal.PutAsJsonAsync("/api/templates/acceptance", new { subject = "受理告知（{{caseNumber）", body = "正文" });
        var stray = await legal.PutAsJsonAsync("/api/templates/acceptance", new { subject = "受理告知", body = "正文 caseNumber}}" });

        var unknownErrors = await ErrorsAsync(unknown);
        Assert.Equal(["body"], unknownErrors.Select(e => e.Key));
        Assert.Contains("{{fineAmount}}", unknownErrors["body"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(["subject"], (await ErrorsAsync(unbalanced)).Select(e => e.Key));
        Assert.Equal(["body"], (await ErrorsAsync(stray)).Select(e => e.Key));
        Assert.Equal(1, (int)(await legal.GetFromJsonAsync<JsonObject>("/api/templates/acceptance"))!["current"]!["version"]!);
    }

    [Fact]
    public async Task Put_Valid_AddsAVersionAndKeepsTheOldOne()
    {
        var legal = await app.ClientForAsync("legal");
        var original = (await legal.GetFromJsonAsync<JsonObject>("/api/templates/termination-notice"))!;

        var put = await legal.PutAsJsonAsync("/api/templates/termination-notice", new { subject = "终止调解告知（{{caseNumber}}）", body = "{{complainantName}}：调解终止，理由：{{reason}}。" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var now = (await legal.GetFromJsonAsync<JsonObject>("/api/templates/termination-notice"))!;
        Assert.Equal(2, (int)now["current"]!["version"]!);
        Assert.Equal("legal", (string)now["current"]!["createdBy"]!);
        Assert.Equal([2, 1], now["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        var first = (await legal.GetFromJsonAsync<JsonObject>("/api/templates/termination-notice/versions/1"))!;
        Assert.Equal((string)original["current"]!["body"]!, (string)first["body"]!);
    }

    [Fact]
    public async Task Templates_ForAHandler_AreForbidden()
    {
        var handler = await app.ClientForAsync("handler1");

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync("/api/templates/refusal", new { subject = "x", body = "y" })).StatusCode);
    }

    [Fact]
    public async Task Preview_WithCase_FillsTheCaseDataAndTheGivenReason()
    {
        var intake = await app.ClientForAsync("intake");
        var legal = await app.ClientForAsync("admin"); // sees every case; a legal officer only those of their tasks
        var created = await intake.CreateComplaintAsync();
        var caseView = await intake.GetCaseAsync((string)created["id"]!);
        var received = ChineseDates.Format(new BusinessCalendar().ToLocalDate(DateTimeOffset.Parse((string)caseView["receivedAt"]!, System.Globalization.CultureInfo.InvariantCulture)));

        var preview = await (await legal.PostAsJsonAsync("/api/templates/refusal/preview", new { caseId = (string)created["id"]!, variables = new { reason = "您与被投诉人之间不存在消费者权益争议。" } })).ReadObjectAsync();

        Assert.Equal($"投诉不予受理告知书（{created["number"]}）", (string)preview["subject"]!);
        var body = (string)preview["body"]!;
        Assert.StartsWith("刘洋：\n\n您于" + received + "提出的对城关家电商行的投诉", body, StringComparison.Ordinal);
        Assert.Contains("事项：购买的电热水壶漏电", body, StringComparison.Ordinal);
        Assert.Contains("不予受理的理由：您与被投诉人之间不存在消费者权益争议。", body, StringComparison.Ordinal);
        Assert.Empty(preview["missingFields"]!.AsArray());
    }

    [Fact]
    public async Task Preview_MissingValue_RendersAPlaceholderAndListsIt()
    {
        var intake = await app.ClientForAsync("intake");
        var legal = await app.ClientForAsync("admin"); // sees every case; a legal officer only those of their tasks
        var created = await intake.CreateComplaintAsync();

        var preview = await (await legal.PostAsJsonAsync("/api/templates/refusal/preview", new { caseId = (string)created["id"]! })).ReadObjectAsync();

        Assert.Contains("不予受理的理由：【缺少：reason】", (string)preview["body"]!, StringComparison.Ordinal);
        Assert.Equal(["reason"], preview["missingFields"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task Preview_WithVariablesOnly_FormatsDatesTheChineseWay()
    {
        var legal = await app.ClientForAsync("legal");

        var preview = await (await legal.PostAsJsonAsync("/api/templates/deadline-warning/preview", new
        {
            variables = new { caseNumber = "TS2026-000123", subject = "电热水壶漏电", deadlineName = "受理审查", dueAt = "2026-05-13", legalBasis = "《市场监督管理投诉举报处理办法》第十五条", assignee = "受理员 张敏" },
        })).ReadObjectAsync();

        Assert.Equal("【临期提醒】TS2026-000123 受理审查将于2026年5月13日到期", (string)preview["subject"]!);
        Assert.StartsWith("受理员 张敏：", (string)preview["body"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.PostAsJsonAsync("/api/templates/refusal/preview", new { caseId = Guid.NewGuid() })).StatusCode); // like a case of another office
    }

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.ReadObjectAsync())["errors"]!.AsObject();
    }
}
