using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>Field-level protection, sign-in and token controls, response headers and hostile XML, on one server.</summary>
/// <remarks>Each test uses its own demo user where it changes one (lockout: legal; password: handler2; disable: handler1).</remarks>
public sealed class SecurityControlsTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private const string IdNumber = "110101199003071234";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PersonalData_IsMaskedByDefault_UnmaskedOnlyWithRoleAndReason_AndEveryUnmaskedReadIsAudited()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var caseId = await CaseWithIdNumberAsync(intake);

        var masked = (await chief.GetCaseAsync(caseId))["complainant"]!;
        var byIntake = await intake.GetAsync($"/api/cases/{caseId}?unmask=true&reason=核实身份", Cancel);
        var noReason = await chief.GetAsync($"/api/cases/{caseId}?unmask=true", Cancel);
        var unmasked = (await chief.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}?unmask=true&reason=回访核实身份", Cancel))!["complainant"]!;

        Assert.Equal("138****8000", (string)masked["phone"]!);
        Assert.Equal("110101********1234", (string)masked["idNumber"]!);
        Assert.DoesNotContain("人民路 12 号", (string)masked["address"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byIntake.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("13800138000", (string)unmasked["phone"]!);
        Assert.Equal(IdNumber, (string)unmasked["idNumber"]!);
        var audit = (await (await app.ClientForAsync("admin")).GetFromJsonAsync<JsonObject>($"/api/admin/audit?caseId={caseId}&action=UnmaskedRead", Cancel))!["items"]!.AsArray();
        var read = Assert.Single(audit)!;
        Assert.Equal("chief", (string)read["actor"]!);
        Assert.Equal("回访核实身份", (string)read["details"]!);
    }

    [Fact]
    public async Task IdNumber_IsEncryptedInTheDatabaseFile_AndFoundByItsKeyedHash()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = await CaseWithIdNumberAsync(intake);

        string stored;
        await using (var connection = await RawDatabase.OpenAsync(app.DataDirectory, Cancel))
        {
            await using var command = connection.Command(
                "SELECT \"ComplainantIdNumberCipher\" || '|' || \"ComplainantIdNumberHash\" FROM \"Cases\" WHERE \"Id\" = @id", ("@id", RawDatabase.Id(caseId)));
            stored = (string)(await command.ExecuteScalarAsync(Cancel))!;
        }

        Assert.StartsWith("v2:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, stored, StringComparison.Ordinal);
        var chief = await app.ClientForAsync("chief");
        var found = (await chief.GetFromJsonAsync<JsonObject>($"/api/cases?idNumber={IdNumber}&reason=核实身份&pageSize=200", Cancel))!["items"]!.AsArray();
        Assert.Contains(found, c => (string?)c!["id"] == caseId);
        var bad = await intake.PostAsJsonAsync("/api/cases", WithIdNumber("12345"), Cancel);
        Assert.NotNull((await bad.ReadObjectAsync())["errors"]!["complainant.idNumber"]);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_MakeTheAccountWait_WithRetryAfter_UntilAnAdminEnablesIt()
    {
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(anonymous, "legal", "not-the-password")).StatusCode);
        }

        var waiting = await SignInAsync(anonymous, "legal", "caseflow-demo");
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.True(waiting.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("admin")).PostAsync("/api/admin/users/legal/enable", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(anonymous, "legal", "caseflow-demo")).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_RefusesShortAndCommonPasswords_AndRevokesEveryToken()
    {
        using var client = await FreshClientAsync("handler2");

        var tooShort = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "caseflow-demo", newPassword = "short-one" }, Cancel);
        var common = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "caseflow-demo", newPassword = "password1234" }, Cancel);
        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "caseflow-demo", newPassword = "黄河远上白云间 一片孤城" }, Cancel);

        Assert.NotNull((await tooShort.ReadObjectAsync())["errors"]!["newPassword"]);
        Assert.NotNull((await common.ReadObjectAsync())["errors"]!["newPassword"]);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks", Cancel)).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(anonymous, "handler2", "黄河远上白云间 一片孤城")).StatusCode);
    }

    [Fact]
    public async Task Logout_AndDisablingTheUser_RevokeTokensAtOnce()
    {
        using var chief = await FreshClientAsync("chief");
        using var handler = await FreshClientAsync("handler1");
        var admin = await app.ClientForAsync("admin");

        Assert.Equal(HttpStatusCode.NoContent, (await chief.PostAsync("/api/auth/logout", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/users/handler1/disable", null, Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await chief.GetAsync("/api/tasks", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await handler.GetAsync("/api/tasks", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/users/handler1/enable", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Answers_CarryTheSecurityHeaders_AndApiAnswersAreNotCached()
    {
        var intake = await app.ClientForAsync("intake");

        var api = await intake.GetAsync("/api/tasks", Cancel);
        using var anonymous = app.CreateClient();
        var health = await anonymous.GetAsync("/health", Cancel);

        foreach (var response in new[] { api, health })
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("'wasm-unsafe-eval'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }

        Assert.True(api.Headers.CacheControl!.NoStore);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&xxe;</definitions>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol4;</definitions>""")]
    public async Task HostileBpmn_XxeAndBillionLaughs_AreRefusedWith400ProblemDetails(string xml)
    {
        var legal = await app.ClientForAsync("admin");
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");

        var response = await legal.PutAsync("/api/processes/hostile/draft", content, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]!["definitions"]);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/token", new { userName, password }, Cancel);

    /// <summary>A client with a token of its own, so revoking it leaves the fixture's cached tokens alone.</summary>
    private async Task<HttpClient> FreshClientAsync(string userName)
    {
        using var anonymous = app.CreateClient();
        var token = (string)(await (await SignInAsync(anonymous, userName, "caseflow-demo")).ReadObjectAsync())["accessToken"]!;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> CaseWithIdNumberAsync(HttpClient intake)
    {
        var response = await intake.PostAsJsonAsync("/api/cases", WithIdNumber(IdNumber), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    private static JsonObject WithIdNumber(string idNumber)
    {
        var body = JsonSerializer.SerializeToNode(Requests.Complaint(subject: $"身份证号测试 {Guid.NewGuid():N}"))!.AsObject();
        body["complainant"]!["idNumber"] = idNumber;
        return body;
    }
}
