using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Issue 18, item 1: exact-match search by ID number or phone is an unmask (right + reason, audited, limited per
/// user), and the Art. 17 warnings do not list the numbers of cases the viewer cannot see.
/// </summary>
public sealed class IdentitySearchTests(IdentitySearchTests.LimitedApp app) : IClassFixture<IdentitySearchTests.LimitedApp>
{
    private static readonly string[] ReaderRole = ["PersonalDataReader"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchByIdNumberOrPhone_WithoutTheUnmaskRight_Is403_AndAudited_SoTheMaskCannotBeUndone()
    {
        var intake = await app.ClientForAsync("intake");
        var idNumber = "110105199001010624";
        var caseId = await CreateAsync(intake, "13700137001", "张三", idNumber, officeId: "office-1");
        var handler1 = await app.ClientForAsync("handler1");

        var answers = new[]
        {
            await handler1.GetAsync($"/api/cases?idNumber={idNumber}", Cancel),
            await handler1.GetAsync($"/api/cases?idNumber={idNumber}&reason=核实", Cancel),
            await intake.GetAsync($"/api/cases?idNumber={idNumber}&reason=核实", Cancel),
            await handler1.GetAsync("/api/cases?phone=13700137001&reason=核实", Cancel),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
        foreach (var answer in answers)
        {
            Assert.DoesNotContain(caseId, await answer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        var denied = await AuditAsync("action=AccessDenied&actor=handler1");
        Assert.Contains(denied, e => ((string?)e!["details"])?.Contains("search by idNumber", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SearchByIdNumberOrPhone_WithTheRight_NeedsAReason_FindsTheCase_AndIsRecordedAsAnUnmaskedRead()
    {
        var intake = await app.ClientForAsync("intake");
        var idNumber = "11010519900202062X";
        var caseId = await CreateAsync(intake, "13700137002", "李四", idNumber, officeId: "office-1");
        var chief = await app.ClientForAsync("chief");

        var noReason = await chief.GetAsync($"/api/cases?idNumber={idNumber}", Cancel);
        var byId = await chief.GetFromJsonAsync<JsonObject>($"/api/cases?idNumber={idNumber.ToLowerInvariant()}&reason=回访核实身份", Cancel);
        var byPhone = await chief.GetFromJsonAsync<JsonObject>("/api/cases?phone=%2B86 137 0013 7002&reason=回访核实身份", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadObjectAsync())["errors"]!["reason"]);
        Assert.Equal(caseId, (string)Assert.Single(byId!["items"]!.AsArray())!["id"]!);
        Assert.Equal(caseId, (string)Assert.Single(byPhone!["items"]!.AsArray())!["id"]!);
        var reads = await AuditAsync("action=UnmaskedRead&actor=chief");
        Assert.Contains(reads, e => (string?)e!["subject"] == "search by idNumber" && ((string)e["details"]!).Contains("回访核实身份", StringComparison.Ordinal));
        Assert.Contains(reads, e => (string?)e!["subject"] == "search by phone");
        Assert.DoesNotContain(reads, e => ((string?)e!["details"])?.Contains(idNumber, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SearchByIdNumber_IsLimitedPerUser_With429AndRetryAfter()
    {
        var admin = await app.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "reader1", displayName = "个人信息查阅员", password = "correct-horse-battery-staple", roles = ReaderRole }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var anonymous = app.CreateClient();
        var token = (string)(await (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "reader1", password = "correct-horse-battery-staple" }, Cancel)).ReadObjectAsync())["accessToken"]!;
        using var reader = app.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var statuses = new List<HttpResponseMessage>();
        for (var day = 1; day <= 5; day++)
        {
            statuses.Add(await reader.GetAsync($"/api/cases?idNumber=1101051990010{day}0624&reason=核实", Cancel));
        }

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        Assert.All(statuses.Skip(3), s =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, s.StatusCode);
            Assert.True(s.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        });
    }

    [Fact]
    public async Task SharedContactWarning_DoesNotListAnotherOfficesCaseNumbers_ToAHandlerWhoCannotSeeThem()
    {
        var intake = await app.ClientForAsync("intake");
        var other = await CreateAsync(intake, "13700137009", "王五", null, officeId: "office-2");
        var own = await CreateAsync(intake, "13700137009", "赵六", null, officeId: "office-1");
        var otherNumber = (string)(await (await app.ClientForAsync("chief")).GetCaseAsync(other))["number"]!;

        var byHandler = await (await app.ClientForAsync("handler1")).GetCaseAsync(own);
        var byChief = await (await app.ClientForAsync("chief")).GetCaseAsync(own);

        var handlerWarning = Warning(byHandler, "shared-contact");
        Assert.DoesNotContain(otherNumber, byHandler.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(handlerWarning["relatedCases"]!.AsArray());
        Assert.Contains(otherNumber, Warning(byChief, "shared-contact")["relatedCases"]!.AsArray().Select(n => (string)n!));
    }

    private static JsonObject Warning(JsonObject view, string code) =>
        view["warnings"]!.AsArray().Single(w => (string?)w!["code"] == code)!.AsObject();

    private async Task<JsonArray> AuditAsync(string query) =>
        (await (await app.ClientForAsync("admin")).GetFromJsonAsync<JsonObject>($"/api/admin/audit?{query}", Cancel))!["items"]!.AsArray();

    /// <summary>A complaint with its own phone and complainant, accepted into <paramref name="officeId"/>.</summary>
    private static async Task<string> CreateAsync(HttpClient intake, string phone, string name, string? idNumber, string officeId)
    {
        var response = await intake.PostAsJsonAsync(
            "/api/cases",
            new
            {
                kind = "complaint",
                channel = "hotline",
                complainant = new { name, phone, address = $"城关区人民路 {phone} 号", idNumber }, // shared only through the phone, never with other tests' cases
                respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
                category = "家用电器",
                subject = "电热水壶漏电",
                description = "购买的电热水壶漏电，商家拒绝退货。" + phone + name,
            },
            Cancel);
        var caseId = (string)(await response.ReadObjectAsync())["id"]!;
        var accept = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "accept", new { officeId });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        return caseId;
    }

    /// <summary>A server that allows three identity searches per user per hour.</summary>
    public sealed class LimitedApp : CaseFlowApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("CaseFlow:Security:PersonalDataSearchesPerHour", "3")];
    }
}
