using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Issue 17: a form is validated at draft save with per-element errors, published with its process and enforced.</summary>
public sealed class TaskFormDraftTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static string Process(string key, string form, string condition = "variables.rating == 'good'") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:caseflow="urn:caseflow:bpmn:1" id="d" targetNamespace="t">
          <bpmn:process id="{{key}}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="rate" />
            <bpmn:userTask id="rate" name="评价" caseflow:candidateGroups="intake" caseflow:outcomes="done,skip">
              <bpmn:extensionElements><caseflow:form><![CDATA[{{form}}]]></caseflow:form></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="rate" targetRef="gw" />
            <bpmn:exclusiveGateway id="gw" default="f4" />
            <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="good"><bpmn:conditionExpression>{{condition}}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f4" sourceRef="gw" targetRef="other" />
            <bpmn:endEvent id="good" />
            <bpmn:endEvent id="other" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string GoodForm = """
        {"type": "default", "components": [
          {"type": "radio", "key": "rating", "label": "评价", "validate": {"required": true}, "values": [{"label": "好", "value": "good"}, {"label": "差", "value": "bad"}], "conditional": {"hide": "=outcome = \"skip\""}},
          {"type": "number", "key": "amount", "label": "金额（元）", "properties": {"caseflow:money": "yuan", "caseflow:requiredFor": "done"}},
          {"type": "checkbox", "key": "confirmed", "label": "已核实"}
        ]}
        """;

    [Fact]
    public async Task Draft_WithABrokenForm_ReportsEachProblemOnTheTaskElement()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "form-" + Guid.NewGuid().ToString("N")[..8];
        const string broken = """
            {"type": "default", "components": [
              {"type": "signature", "key": "sig", "label": "签名"},
              {"type": "textfield", "key": "note", "label": "说明", "validate": {"required": true}, "conditional": {"hide": "=note = null"}},
              {"type": "textfield", "key": "note", "label": "重复"},
              {"type": "radio", "key": "rating", "label": "评价", "values": [{"label": "好", "value": "fine"}]},
              {"type": "textfield", "key": "complainantEmail", "label": "邮箱"},
              {"type": "number", "key": "fee", "label": "费用", "properties": {"caseflow:requiredFor": "approve", "caseflow:moeny": "yuan"}}
            ]}
            """;

        var draft = await ProcessesApiTests.PutDraftAsync(legal, key, Process(key, broken));

        Assert.False((bool)draft["valid"]!);
        var onTask = draft["errors"]!.AsArray().Where(e => (string)e!["elementId"]! == "rate").Select(e => (string)e!["message"]!).ToList();
        Assert.Contains(onTask, m => m.Contains("'signature'", StringComparison.Ordinal));
        Assert.Contains(onTask, m => m.Contains("hidden by a condition on its own value", StringComparison.Ordinal));
        Assert.Contains(onTask, m => m.Contains("The key 'note' is used by two fields", StringComparison.Ordinal));
        Assert.Contains(onTask, m => m.Contains("tests rating against 'good'", StringComparison.Ordinal));
        Assert.Contains(onTask, m => m.Contains("'complainantEmail' would set a variable the system owns", StringComparison.Ordinal));
        Assert.Contains(onTask, m => m.Contains("names the outcome 'approve'", StringComparison.Ordinal));
        Assert.Contains(onTask, m => m.Contains("caseflow:moeny", StringComparison.Ordinal));
        Assert.All(draft["errors"]!.AsArray(), e => Assert.False(string.IsNullOrEmpty((string?)e!["messageZh"])));
    }

    [Fact]
    public async Task PublishedForm_IsEnforced_AndHiddenFieldsAreNotRequired()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "form-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((bool)(await ProcessesApiTests.PutDraftAsync(legal, key, Process(key, GoodForm)))["valid"]!);
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync($"/api/processes/{key}/publish", null)).StatusCode);
        var admin = await app.ClientForAsync("admin");
        var started = await admin.PostAsJsonAsync($"/api/processes/{key}/instances", new { });
        var instanceId = (string)(await started.ReadObjectAsync())["id"]!;
        var intake = await app.ClientForAsync("intake");
        var page = await intake.GetFromJsonAsync<JsonObject>("/api/tasks?scope=candidate&pageSize=200");
        var taskId = (string)page!["items"]!.AsArray().First(t => (string)t!["processInstanceId"]! == instanceId)!["id"]!;

        var missing = await intake.CompleteAsync(taskId, "done", new { confirmed = true });
        var errors = (await missing.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["variables.amount", "variables.rating"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        var wrongType = await intake.CompleteAsync(taskId, "done", new { rating = "good", amount = 3, confirmed = "yes" });
        Assert.Equal(["variables.confirmed"], (await wrongType.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));

        // skip hides the rating; the value sent for it anyway is not taken.
        var skipped = await intake.CompleteAsync(taskId, "skip", new { rating = "good" });
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        var instance = await intake.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}");
        Assert.Equal("completed", (string)instance!["status"]!);
        Assert.False(instance["variables"]!.AsObject().ContainsKey("rating"));
    }
}
