using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;
using MimeKit;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Issue 17: a task's form read over the API, and the server enforcing it at completion (declared keys only, no
/// system-owned variable, types, per-outcome required, options, money) with nothing changed on a refusal.
/// </summary>
public sealed class TaskFormsApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task GetTask_ReturnsItsForm_WithLabelledTypedFields_InTheCallersLanguage()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = await intake.TaskAtAsync(caseId, "decideAcceptance");

        var task = (await intake.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;

        Assert.Equal("decideAcceptance", (string)task["elementId"]!);
        var fields = task["fields"]!.AsArray();
        var ground = fields.Single(f => (string)f!["key"]! == "refusalGround")!;
        Assert.Equal("select", (string)ground["type"]!);
        Assert.Equal("不予受理依据", (string)ground["label"]!);
        Assert.Equal(["refuse"], ground["requiredFor"]!.AsArray().Select(o => (string)o!));
        Assert.Equal(7, ground["options"]!.AsArray().Count);
        Assert.Contains("第十六条", (string)ground["legalBasis"]!, StringComparison.Ordinal);
        var office = fields.Single(f => (string)f!["key"]! == "officeId")!;
        Assert.Equal("office", (string)office["directory"]!);
        Assert.Contains(office["options"]!.AsArray(), o => (string)o!["value"]! == "office-1");
        Assert.Contains(task["outcomeChoices"]!.AsArray(), o => (string)o!["value"]! == "refuse" && (string)o["label"]! == "不予受理");

        var components = task["form"]!["components"]!.AsArray();
        var formOffice = components.Single(c => (string?)c!["key"] == "officeId")!;
        Assert.Contains(formOffice["values"]!.AsArray(), o => (string)o!["value"]! == "office-1");

        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/{taskId}");
        english.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var inEnglish = await (await intake.SendAsync(english)).ReadObjectAsync();
        Assert.Equal("Refusal ground", (string)inEnglish["fields"]!.AsArray().Single(f => (string)f!["key"]! == "refusalGround")!["label"]!);
    }

    [Fact]
    public async Task Complete_WithAnUndeclaredVariable_Returns400NamingIt_AndChangesNothing()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync();
        var caseId = (string)created["id"]!;
        var taskId = await intake.TaskAtAsync(caseId, "decideAcceptance");

        var response = await intake.CompleteAsync(taskId, "accept", new { officeId = "office-1", priority = "high" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["variables.priority"], errors.Select(e => e.Key));
        Assert.Equal(taskId, await intake.TaskAtAsync(caseId, "decideAcceptance"));
        var instance = await intake.GetFromJsonAsync<JsonObject>($"/api/instances/{(string)created["processInstanceId"]!}");
        Assert.False(instance!["variables"]!.AsObject().ContainsKey("priority"));
        Assert.False(instance["variables"]!.AsObject().ContainsKey("officeId"));
    }

    [Theory]
    [InlineData("complainantEmail", "attacker@example.org")]
    [InlineData("caseNumber", "TS-0001")]
    [InlineData("caseId", "00000000-0000-0000-0000-000000000001")]
    [InlineData("respondentName", "别人")]
    [InlineData("outcome", "refuse")]
    public async Task Complete_WithASystemOwnedVariable_Returns400NamingIt(string key, string value)
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = await intake.TaskAtAsync(caseId, "decideAcceptance");
        var variables = new JsonObject { ["officeId"] = "office-1", [key] = value };

        var response = await intake.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "accept", variables });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey($"variables.{key}"), errors.ToJsonString());
        Assert.Equal(taskId, await intake.TaskAtAsync(caseId, "decideAcceptance"));
    }

    [Fact]
    public async Task Complete_WithWrongTypesOrMoney_Returns400NamingTheField()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        await intake.StepAsync(caseId, "decideAcceptance", "accept", new { officeId = "office-1" });
        var taskId = await handler.TaskAtAsync(caseId, "mediate");

        foreach (var amount in new JsonNode?[] { "199", JsonValue.Create(-1m), JsonValue.Create(19.999m), JsonValue.Create(true) })
        {
            var variables = new JsonObject { ["consent"] = "both-parties", ["mediationResult"] = "退款", ["recoveredAmount"] = amount, ["mediationDocument"] = "issued" };
            var response = await handler.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "agreement", variables });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["variables.recoveredAmount"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        }

        var notText = await handler.CompleteAsync(taskId, "agreement", new { consent = "both-parties", mediationResult = 42, recoveredAmount = 1, mediationDocument = "issued" });
        Assert.True((await notText.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("variables.mediationResult"));
        var notACaseDocument = await handler.CompleteAsync(taskId, "agreement", new { consent = "both-parties", mediationResult = "退款", recoveredAmount = 1, mediationDocument = "issued", mediationDocumentId = Guid.NewGuid().ToString() });
        Assert.True((await notACaseDocument.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("variables.mediationDocumentId"));
        Assert.Equal(taskId, await handler.TaskAtAsync(caseId, "mediate"));
        await handler.StepAsync(caseId, "mediate", "agreement", new { consent = "both-parties", mediationResult = "退款", recoveredAmount = 199.5m, mediationDocument = "performed-immediately" });
        Assert.Equal(199.5m, (decimal)(await intake.GetCaseAsync(caseId))["recoveredAmount"]!);
    }

    [Fact]
    public async Task Complete_WithoutAPerOutcomeField_Returns400_ChineseFirstUnlessEnglishIsAsked()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = await intake.TaskAtAsync(caseId, "decideAcceptance");

        var chinese = await intake.CompleteAsync(taskId, "refuse", new { refusalGround = "time-barred" });
        var messages = (await chinese.ReadObjectAsync())["errors"]!["variables.refusalReason"]!.AsArray();
        Assert.Equal("办理结果为“不予受理”时，必须填写“不予受理理由”。", (string)messages[0]!);
        Assert.Contains("refusalReason", (string)messages[1]!, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(new { outcome = "refuse", variables = new { refusalGround = "time-barred" } }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await intake.SendAsync(request)).ReadObjectAsync();
        Assert.StartsWith("Refusal reason (refusalReason) is required", (string)english["errors"]!["variables.refusalReason"]![0]!, StringComparison.Ordinal);

        // The correction request needs its own field, not the refusal's; fields of other outcomes are not asked for.
        var correction = await intake.CompleteAsync(taskId, "request-correction", new { });
        Assert.Equal(["variables.correctionItems"], (await correction.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Closure_AfterARefusedRedirection_StillGoesToTheRecordedAddress()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var email = $"recorded-{Guid.NewGuid():N}@example.org";
        var caseId = (string)(await intake.CreateComplaintAsync(email))["id"]!;
        await intake.StepAsync(caseId, "decideAcceptance", "accept", new { officeId = "office-1" });
        await handler.StepAsync(caseId, "mediate", "agreement", CaseSteps.Agreement());

        var hijack = await handler.CompleteAsync(await handler.TaskAtAsync(caseId, "returnVisit"), "rated", new { satisfaction = "satisfied", complainantEmail = "attacker@example.org" });
        Assert.Equal(HttpStatusCode.BadRequest, hijack.StatusCode);
        await handler.StepAsync(caseId, "returnVisit", "rated", new { satisfaction = "satisfied" });

        Assert.True(await Requests.EventuallyAsync(() => Task.FromResult(Mail(email).Any(m => m.Subject!.Contains("已办结", StringComparison.Ordinal))), TimeSpan.FromSeconds(15)));
        Assert.Empty(Mail("attacker@example.org"));
    }

    private List<MimeMessage> Mail(string recipient) => Directory.Exists(app.PickupDirectory)
        ? Directory.GetFiles(app.PickupDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == recipient)).ToList()
        : [];
}
