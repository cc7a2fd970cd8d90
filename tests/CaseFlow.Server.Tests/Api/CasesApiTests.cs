using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

public sealed class CasesApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task Create_Returns201WithNumberAndAcceptanceTask_ForComplaint()
    {
        var intake = await app.ClientForAsync("intake");

        var response = await intake.PostAsJsonAsync("/api/cases", Requests.Complaint());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadObjectAsync();
        Assert.Matches(@"^TS\d{4}-\d{6}$", (string)created["number"]!);
        Assert.Equal("registered", (string)created["status"]!);
        Assert.Equal($"/api/cases/{created["id"]}", response.Headers.Location!.OriginalString);
        var tasks = await intake.TasksAsync((string)created["id"]!);
        var task = Assert.Single(tasks);
        Assert.Equal("decideAcceptance", (string)task!["elementId"]!);
        Assert.Equal((string)created["number"]!, (string)task["caseNumber"]!);
    }

    [Fact]
    public async Task Create_Returns400NamingEveryField_WhenWhatIdentifiesTheMatterIsMissingOrMalformed()
    {
        var intake = await app.ClientForAsync("intake");
        var before = await CountCasesAsync(intake);

        var response = await intake.PostAsJsonAsync("/api/cases", new { kind = "complaint", channel = "fax", complainant = new { name = "", phone = "abc" }, respondent = new { name = "" }, subject = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        foreach (var field in new[] { "channel", "complainant.phone", "respondent", "description" })
        {
            Assert.True(errors.ContainsKey(field), $"missing error for {field}: {errors.ToJsonString()}");
        }

        Assert.Equal(before, await CountCasesAsync(intake));
    }

    [Fact]
    public async Task Create_Returns400NamingTheField_WhenJsonHasWrongType()
    {
        var intake = await app.ClientForAsync("intake");

        using var content = new StringContent("""{"kind":"complaint","amountInvolved":"lots"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await intake.PostAsync("/api/cases", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("amountInvolved"));
    }

    [Fact]
    public async Task Create_Returns413_AndStoresNothing_WhenBodyIsHuge()
    {
        var intake = await app.ClientForAsync("intake");
        var before = await CountCasesAsync(intake);

        using var content = new StringContent("{\"description\":\"" + new string('x', 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");
        var response = await intake.PostAsync("/api/cases", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountCasesAsync(intake));
    }

    [Fact]
    public async Task Create_Returns401_WhenAnonymous()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/cases", Requests.Complaint());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_Returns401_WhenTokenIsForged()
    {
        using var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-real-token");

        var response = await forged.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_Returns403_ForHandler()
    {
        var handler = await app.ClientForAsync("handler1");

        var response = await handler.PostAsJsonAsync("/api/cases", Requests.Complaint());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_ReplaysFirstResult_WhenIdempotencyKeyRepeatedWithSameBody()
    {
        var intake = await app.ClientForAsync("intake");
        var before = await CountCasesAsync(intake);
        var key = Guid.NewGuid().ToString();

        var first = await SendWithKeyAsync(intake, key, Requests.Complaint());
        var second = await SendWithKeyAsync(intake, key, Requests.Complaint());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((string)(await first.ReadObjectAsync())["id"]!, (string)(await second.ReadObjectAsync())["id"]!);
        Assert.Equal(before + 1, await CountCasesAsync(intake));
    }

    [Fact]
    public async Task Create_Returns409_WhenIdempotencyKeyReusedWithAnotherBody()
    {
        var intake = await app.ClientForAsync("intake");
        var key = Guid.NewGuid().ToString();

        await SendWithKeyAsync(intake, key, Requests.Complaint(subject: "第一件事"));
        var second = await SendWithKeyAsync(intake, key, Requests.Complaint(subject: "另一件事"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Create_CreatesOneCase_WhenSameKeyArrivesConcurrently()
    {
        var intake = await app.ClientForAsync("intake");
        var before = await CountCasesAsync(intake);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendWithKeyAsync(intake, key, Requests.Complaint())));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var ids = await Task.WhenAll(responses.Select(async r => (string)(await r.ReadObjectAsync())["id"]!));
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, await CountCasesAsync(intake));
    }

    [Fact]
    public async Task Create_AHundredDifferentIntakesAtOnce_AllSucceedWithDistinctNumbers()
    {
        // Found by the load driver: intakes at once read the same counter, and some failed with 500 after 5 retries.
        var intake = await app.ClientForAsync("intake");
        var before = await CountCasesAsync(intake);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => SendWithKeyAsync(intake, Guid.NewGuid().ToString(), Requests.Complaint(subject: $"并发登记 {i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (string)(await r.ReadObjectAsync())["number"]!));
        Assert.Equal(100, numbers.Distinct().Count());
        Assert.Equal(before + 100, await CountCasesAsync(intake));
    }

    [Fact]
    public async Task Get_MasksPhoneAndAddress_AndShowsAcceptanceDeadline()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync();

        var view = await intake.GetCaseAsync((string)created["id"]!);

        Assert.Equal("138****8000", (string)view["complainant"]!["phone"]!);
        Assert.DoesNotContain("12 号", (string)view["complainant"]!["address"]!, StringComparison.Ordinal);
        var deadline = Assert.Single(view["deadlines"]!.AsArray());
        Assert.Equal("7wd", (string)deadline!["rule"]!);
        Assert.Equal("running", (string)deadline["state"]!);
        Assert.Equal(7, (int)deadline["workingDaysLeft"]!);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "Registered");
        Assert.Single(view["tasks"]!.AsArray());
    }

    [Fact]
    public async Task Get_Returns404_ForUnknownCase()
    {
        var intake = await app.ClientForAsync("intake");

        var response = await intake.GetAsync($"/api/cases/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_Returns400_WhenStatusUnknown()
    {
        var intake = await app.ClientForAsync("intake");

        var response = await intake.GetAsync("/api/cases?status=lost");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("status"));
    }

    [Fact]
    public async Task List_FindsCaseByNumber()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync();

        var page = await intake.GetFromJsonAsync<JsonObject>($"/api/cases?q={created["number"]}&status=registered");

        Assert.Equal(1, (int)page!["total"]!);
        Assert.Equal((string)created["id"]!, (string)page["items"]![0]!["id"]!);
    }

    private static async Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<int> CountCasesAsync(HttpClient client) =>
        (int)(await client.GetFromJsonAsync<JsonObject>("/api/cases?pageSize=1"))!["total"]!;
}
