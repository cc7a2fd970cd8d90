using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

public sealed class ProcessesApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task List_ShowsBuiltInProcessesPublishedAtFirstStart()
    {
        var handler = await app.ClientForAsync("handler1");

        var processes = await handler.GetFromJsonAsync<JsonArray>("/api/processes");

        var complaint = Assert.Single(processes!, p => (string)p!["key"]! == "complaint");
        Assert.Equal(1, (int)complaint!["publishedVersion"]!);
        Assert.False((bool)complaint["draft"]!);
        Assert.Contains(processes!, p => (string)p!["key"]! == "report");
    }

    [Fact]
    public async Task DraftPublishVersion_RoundTripsTheXml()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "p-" + Guid.NewGuid().ToString("N")[..8];
        var xml = TestProcesses.OneTask(key);

        var draft = await PutDraftAsync(legal, key, xml);
        var listed = await legal.GetFromJsonAsync<JsonArray>("/api/processes");
        var publish = await legal.PostAsync($"/api/processes/{key}/publish", null);
        var stored = await legal.GetStringAsync($"/api/processes/{key}/versions/1");

        Assert.True((bool)draft["valid"]!);
        Assert.True((bool)listed!.Single(p => (string)p!["key"]! == key)!["draft"]!);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Equal(1, (int)(await publish.ReadObjectAsync())["version"]!);
        Assert.Equal(xml, stored);
    }

    [Fact]
    public async Task Draft_IsStoredButInvalid_AndPublishRefusesIt_NamingTheElement()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "p-" + Guid.NewGuid().ToString("N")[..8];

        var draft = await PutDraftAsync(legal, key, TestProcesses.WithScriptTask(key));
        var publish = await legal.PostAsync($"/api/processes/{key}/publish", null);
        var kept = await legal.GetStringAsync($"/api/processes/{key}/draft");

        Assert.False((bool)draft["valid"]!);
        Assert.Contains(draft["errors"]!.AsArray(), e => (string)e!["elementId"]! == "script1");
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains((await publish.ReadObjectAsync())["errors"]!.AsArray(), e => (string)e!["elementId"]! == "script1");
        Assert.Contains("scriptTask", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_WithExternalEntity_IsRefusedWithoutReadingTheFile()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "p-" + Guid.NewGuid().ToString("N")[..8];

        using var content = new StringContent(TestProcesses.WithExternalEntity(key), Encoding.UTF8, "application/xml");
        var response = await legal.PutAsync($"/api/processes/{key}/draft", content);
        var problem = await response.ReadObjectAsync();

        // A DTD is refused outright (issue 8): 400 ProblemDetails naming the document, nothing stored as a draft.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("root:", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["definitions"]);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync($"/api/processes/{key}/draft")).StatusCode);
    }

    [Fact]
    public async Task Draft_WithMalformedXml_ReportsTheDocument()
    {
        var legal = await app.ClientForAsync("legal");

        var draft = await PutDraftAsync(legal, "broken", "<bpmn:definitions><unclosed>");

        Assert.False((bool)draft["valid"]!);
        Assert.Equal("definitions", (string)draft["errors"]![0]!["elementId"]!);
    }

    [Fact]
    public async Task Draft_WhoseProcessIdDiffersFromKey_IsValid_TheKeyIsTheOfficers()
    {
        var legal = await app.ClientForAsync("legal");

        var draft = await PutDraftAsync(legal, "key-a", TestProcesses.OneTask("key-b"));

        // Issue 20: tools generate process ids (Process_1mgwbq0); the key is chosen by the legal officer.
        Assert.True((bool)draft["valid"]!, draft.ToJsonString());
        Assert.Equal("key-b", (string)draft["processId"]!);
    }

    [Fact]
    public async Task Draft_Returns413_WhenHuge()
    {
        var legal = await app.ClientForAsync("legal");
        var huge = "<x>" + new string('a', 3 * 1024 * 1024) + "</x>";

        using var content = new StringContent(huge, Encoding.UTF8, "application/xml");
        var response = await legal.PutAsync("/api/processes/huge/draft", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Draft_Returns403_ForHandler()
    {
        var handler = await app.ClientForAsync("handler1");

        using var content = new StringContent(TestProcesses.OneTask("x"), Encoding.UTF8, "application/xml");
        var response = await handler.PutAsync("/api/processes/x/draft", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Publish_Returns404_WithoutDraft_AndVersionReturns404_WhenMissing()
    {
        var legal = await app.ClientForAsync("legal");

        var publish = await legal.PostAsync("/api/processes/never-drafted/publish", null);
        var version = await legal.GetAsync("/api/processes/complaint/versions/99");

        Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
    }

    [Fact]
    public async Task StartInstance_RunsPublishedVersion_ToItsFirstTask()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await PublishAsync(legal, k => TestProcesses.OneTask(k));

        var start = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = "B-1", variables = new { amount = 5 } });
        var id = (string)(await start.ReadObjectAsync())["id"]!;
        var instance = await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal("running", (string)instance!["status"]!);
        Assert.Equal(key, (string)instance["processKey"]!);
        Assert.Equal(["review"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!).ToArray());
        Assert.Equal(5, (int)instance["variables"]!["amount"]!);
        Assert.NotEmpty(instance["history"]!.AsArray());
    }

    [Fact]
    public async Task StartInstance_Returns409_WhenProcessStartsOnlyByMessage()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await PublishAsync(legal, k => TestProcesses.MessageStart(k, "only-by-message"));

        var start = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { });

        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
    }

    [Fact]
    public async Task Instance_Returns404_WhenUnknown()
    {
        var legal = await app.ClientForAsync("legal");

        var response = await legal.GetAsync($"/api/instances/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EndlessCondition_FaultsTheInstanceWithAnIncident_AndTheServerKeepsAnswering()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await PublishAsync(legal, TestProcesses.EndlessCondition);

        var start = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { });
        var id = (string)(await start.ReadObjectAsync())["id"]!;
        var instance = await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal("faulted", (string)instance!["status"]!);
        Assert.Equal("gw", (string)instance["incident"]!["elementId"]!);
        Assert.Equal(HttpStatusCode.OK, (await legal.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task ActivityDescriptors_DescribeSendEmailInputs()
    {
        var legal = await app.ClientForAsync("legal");

        var descriptors = await legal.GetFromJsonAsync<JsonArray>("/api/activity-descriptors");

        var sendEmail = Assert.Single(descriptors!, d => (string)d!["name"]! == "SendEmail");
        var inputs = sendEmail!["inputs"]!.AsArray().Select(i => (string)i!["name"]!).ToList();
        Assert.Equal(["to", "subject", "body", "template", "fields"], inputs);
    }

    internal static async Task<string> PublishAsync(HttpClient legal, Func<string, string> document)
    {
        var key = "p-" + Guid.NewGuid().ToString("N")[..8];
        var draft = await PutDraftAsync(legal, key, document(key));
        Assert.True((bool)draft["valid"]!, draft.ToJsonString());
        var publish = await legal.PostAsync($"/api/processes/{key}/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        return key;
    }

    internal static async Task<JsonObject> PutDraftAsync(HttpClient legal, string key, string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        var response = await legal.PutAsync($"/api/processes/{key}/draft", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}
