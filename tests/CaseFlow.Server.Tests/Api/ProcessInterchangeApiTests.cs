using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// The interchange suite through the API (issue 20): every file imported as its bytes, validated, published,
/// exported, re-imported and compared; the encodings come back as UTF-8 with every name intact.
/// </summary>
public sealed class ProcessInterchangeApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    public static readonly TheoryData<string> Files = new()
    {
        "camunda-style.bpmn", "signavio-style.bpmn", "pools-lanes.bpmn", "data-objects.bpmn", "several-processes.bpmn", "collective-discussion.bpmn",
        "utf8-bom.bpmn", "utf16le-bom.bpmn", "utf16be-bom.bpmn", "utf16le-nobom.bpmn", "gb18030.bpmn", "gbk.bpmn", "latin1.bpmn", "windows-1252.bpmn",
    };

    private static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Interchange", name));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task File_ImportsPublishesExportsAndReimports_KeepingTheDiagram(string name)
    {
        var legal = await app.ClientForAsync("legal");
        var key = "x-" + Guid.NewGuid().ToString("N")[..8];

        var saved = await PutAsync(legal, key, Bytes(name));
        var draft = await legal.GetByteArrayAsync($"/api/processes/{key}/draft");
        var publish = await legal.PostAsync($"/api/processes/{key}/publish", null);
        var exported = await legal.GetByteArrayAsync($"/api/processes/{key}/versions/1");
        var again = await PutAsync(legal, key + "-again", exported);
        var reexported = await legal.GetByteArrayAsync($"/api/processes/{key}-again/draft");

        Assert.True((bool)saved["valid"]!, saved.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Equal(draft, exported);
        Assert.Equal(exported, reexported);
        Assert.True((bool)again["valid"]!);
        Assert.Equal((string)saved["processId"]!, (string)again["processId"]!);
        var text = new UTF8Encoding(false, true).GetString(exported);
        Assert.DoesNotContain('\uFFFD', text);
        var declared = XDocument.Parse(text).Declaration?.Encoding;
        Assert.True(declared is null || declared.Equals("UTF-8", StringComparison.OrdinalIgnoreCase), declared);
        var expected = Path.Combine(AppContext.BaseDirectory, "Interchange", name.Replace(".bpmn", ".expected.xml", StringComparison.Ordinal));
        if (File.Exists(expected))
        {
            Assert.Equal(File.ReadAllBytes(expected), exported);
        }
        else if (Bytes(name)[0] == '<')
        {
            Assert.Equal(Bytes(name), exported);
        }
    }

    [Fact]
    public async Task Encodings_AnswerWithTheEncodingRead_AndNamesSurvive()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "x-" + Guid.NewGuid().ToString("N")[..8];

        var saved = await PutAsync(legal, key, Bytes("gb18030.bpmn"));
        var draft = await legal.GetStringAsync($"/api/processes/{key}/draft");

        Assert.Equal("gb18030", (string)saved["encoding"]!);
        Assert.Contains("受理审查：𠮷野家分店", draft, StringComparison.Ordinal);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/octet-stream")]
    [InlineData("application/xml; charset=utf-8")]
    public async Task Draft_AcceptsXmlAndBinaryMediaTypes(string contentType)
    {
        var legal = await app.ClientForAsync("legal");

        var response = await PutRawAsync(legal, "x-" + Guid.NewGuid().ToString("N")[..8], Bytes("camunda-style.bpmn"), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Draft_RefusesOtherMediaTypes_SayingWhatToSend()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "x-" + Guid.NewGuid().ToString("N")[..8];

        var response = await PutRawAsync(legal, key, Bytes("camunda-style.bpmn"), "application/json");
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("application/xml", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync($"/api/processes/{key}/draft")).StatusCode);
    }

    [Fact]
    public async Task EmptyUpload_Returns400_AndKeepsTheStoredDraft()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "x-" + Guid.NewGuid().ToString("N")[..8];
        await PutAsync(legal, key, Bytes("camunda-style.bpmn"));

        var response = await PutRawAsync(legal, key, [], "application/xml");
        var kept = await legal.GetByteArrayAsync($"/api/processes/{key}/draft");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("empty", (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Bytes("camunda-style.bpmn"), kept);
    }

    [Fact]
    public async Task InvalidBytes_Return400NamingTheLine_AndStoreNothing()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "x-" + Guid.NewGuid().ToString("N")[..8];
        var latin1AsUtf8 = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Bytes("latin1.bpmn")).Replace("ISO-8859-1", "UTF-8", StringComparison.Ordinal));

        var response = await PutRawAsync(legal, key, latin1AsUtf8, "application/xml");
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Line 3", problem["errors"]!["definitions"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync($"/api/processes/{key}/draft")).StatusCode);
    }

    [Fact]
    public async Task TwoFilesWithOneProcessId_UnderTwoKeys_KeepTheirOwnDrafts_AndInstancesCarryTheKey()
    {
        var legal = await app.ClientForAsync("legal");
        var first = "x-" + Guid.NewGuid().ToString("N")[..8];
        var second = "x-" + Guid.NewGuid().ToString("N")[..8];
        await PutAsync(legal, first, Bytes("camunda-style.bpmn"));
        await PutAsync(legal, second, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Bytes("camunda-style.bpmn")).Replace("受理审查", "第二份", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync($"/api/processes/{first}/publish", null)).StatusCode);

        var start = await legal.PostAsJsonAsync($"/api/processes/{first}/instances", new { });
        var instance = await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{(string)(await start.ReadObjectAsync())["id"]!}");

        Assert.Contains("受理审查", await legal.GetStringAsync($"/api/processes/{first}/versions/1"), StringComparison.Ordinal);
        Assert.Contains("第二份", await legal.GetStringAsync($"/api/processes/{second}/draft"), StringComparison.Ordinal);
        Assert.Equal(first, (string)instance!["processKey"]!);
    }

    [Fact]
    public async Task ProcessQueryParameter_ChoosesTheProcessToRun()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "x-" + Guid.NewGuid().ToString("N")[..8];

        var chosen = await PutAsync(legal, key, Bytes("several-processes.bpmn"), "?process=Process_sketch");
        var automatic = await PutAsync(legal, key + "-auto", Bytes("several-processes.bpmn"));

        Assert.Equal("Process_sketch", (string)chosen["processId"]!);
        Assert.Equal("Process_run", (string)automatic["processId"]!);
        Assert.Contains(automatic["warnings"]!.AsArray(), w => (string)w!["severity"]! == "info" && ((string)w["message"]!).Contains("?process=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectiveDiscussion_EachHeadCompletesTheirOwnTask()
    {
        var legal = await app.ClientForAsync("legal");
        var chief = await app.ClientForAsync("chief");
        var key = "x-" + Guid.NewGuid().ToString("N")[..8];
        await PutAsync(legal, key, Bytes("collective-discussion.bpmn"));
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync($"/api/processes/{key}/publish", null)).StatusCode);
        var start = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { variables = new JsonObject { ["heads"] = new JsonArray("chief", "legal", "admin") } });
        var id = (string)(await start.ReadObjectAsync())["id"]!;

        var chiefTask = await SingleTaskAsync(chief, id);
        var legalTask = await SingleTaskAsync(legal, id);
        var byChief = await chief.PostAsJsonAsync($"/api/tasks/{chiefTask}/complete", new { outcome = "agree" });
        var byLegal = await legal.PostAsJsonAsync($"/api/tasks/{legalTask}/complete", new { outcome = "agree" });
        var instance = await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.OK, byChief.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byLegal.StatusCode);
        Assert.Equal(["record"], instance!["activeElementIds"]!.AsArray().Select(e => (string)e!).ToArray());
        Assert.Equal(["chief", "legal"], instance["variables"]!["opinions"]!.AsArray().Select(o => (string)o!["completedBy"]!).ToArray());
    }

    private static async Task<string> SingleTaskAsync(HttpClient client, string instanceId)
    {
        var mine = await client.GetFromJsonAsync<JsonObject>("/api/tasks?scope=mine");
        return (string)mine!["items"]!.AsArray().Single(t => (string)t!["processInstanceId"]! == instanceId)!["id"]!;
    }

    private static async Task<JsonObject> PutAsync(HttpClient client, string key, byte[] body, string query = "")
    {
        var response = await PutRawAsync(client, key, body, "application/xml", query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private static async Task<HttpResponseMessage> PutRawAsync(HttpClient client, string key, byte[] body, string contentType, string query = "")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PutAsync($"/api/processes/{key}/draft{query}", content);
    }
}
