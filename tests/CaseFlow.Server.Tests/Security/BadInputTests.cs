using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Server.Reports;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>Issue 18, item 5: bad input that got through (dates, emails, masking, ID digits, upload names, CSV, process keys).</summary>
public sealed class BadInputTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1949-09-30T12:00:00+08:00")]
    [InlineData("2999-01-01T00:00:00+08:00")]
    public async Task ReceivedAt_OutsideTheFoundingOfThePrcToNow_IsRefusedNamingTheField(string receivedAt)
    {
        var response = await (await app.ClientForAsync("intake")).PostAsJsonAsync("/api/cases", Body(receivedAt: receivedAt), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]!["receivedAt"]);
    }

    [Fact]
    public async Task ACaseStoredWithAnImplausibleDate_IsStillShown()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = await CreateAsync(intake, Body());
        await using (var connection = await RawDatabase.OpenAsync(app.DataDirectory, Cancel))
        {
            await using var command = connection.Command("UPDATE \"Cases\" SET \"ReceivedAt\" = @at WHERE \"Id\" = @id", ("@at", 0L), ("@id", RawDatabase.Id(caseId)));
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
        }

        var view = await (await app.ClientForAsync("chief")).GetAsync($"/api/cases/{caseId}", Cancel);

        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
    }

    [Theory]
    [InlineData("a@x.org, evil@y.example")]
    [InlineData("a@x.org;evil@y.example")]
    [InlineData("刘洋 <a@x.org>")]
    [InlineData("\"a@x.org\" <evil@y.example>")]
    [InlineData("a@x.org\r\nBcc: evil@y.example")]
    public async Task EmailFields_TakeOneAddressOnly(string email)
    {
        var intake = await app.ClientForAsync("intake");
        var admin = await app.ClientForAsync("admin");

        var caseAnswer = await intake.PostAsJsonAsync("/api/cases", Body(email: email), Cancel);
        var userAnswer = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "mail-probe", displayName = "x", email, password = "correct-horse-battery-staple", roles = Array.Empty<string>() }, Cancel);
        var officeAnswer = await admin.PutAsJsonAsync("/api/admin/offices/office-9", new { name = "九所", email }, Cancel);

        Assert.NotNull((await caseAnswer.ReadObjectAsync())["errors"]!["complainant.email"]);
        Assert.NotNull((await userAnswer.ReadObjectAsync())["errors"]!["email"]);
        Assert.NotNull((await officeAnswer.ReadObjectAsync())["errors"]!["email"]);
    }

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("+86 138 0013 8000", "138****8000")]
    [InlineData("62345678", "******78")]
    [InlineData("010-62345678", "010-******78")]
    [InlineData("0931 8123456", "0931-*****56")]
    public async Task Phone_IsMaskedByItsKind(string phone, string masked)
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = await CreateAsync(intake, Body(phone: phone));

        var view = await (await app.ClientForAsync("chief")).GetCaseAsync(caseId);

        Assert.Equal(masked, (string)view["complainant"]!["phone"]!);
    }

    [Theory]
    [InlineData("城关区人民路 12 号 3 单元", "城关区****")]
    [InlineData("甘肃省兰州市城关区人民路12号", "甘肃省兰州市城关区****")]
    [InlineData("人民路 12 号", "****")]
    [InlineData("解放路88号", "****")]
    [InlineData("No. 5 Renmin Road", "****")]
    public async Task Address_ShowsItsDivisionsOnly_NeverStreetOrNumber(string address, string masked)
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = await CreateAsync(intake, Body(address: address));

        var view = await (await app.ClientForAsync("chief")).GetCaseAsync(caseId);

        Assert.Equal(masked, (string)view["complainant"]!["address"]!);
    }

    [Fact]
    public async Task IdNumber_InFullWidthDigits_IsNormalised_AndOtherNonAsciiDigitsAreRefused()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = await CreateAsync(intake, Body(idNumber: "１１０１０５１９８８０３０３０６２４"));
        var arabicIndic = await intake.PostAsJsonAsync("/api/cases", Body(idNumber: "١١٠١٠٥١٩٨٨٠٣٠٣٠٦٢٤"), Cancel);

        var found = await (await app.ClientForAsync("chief")).GetFromJsonAsync<JsonObject>("/api/cases?idNumber=110105198803030624&reason=核实", Cancel);

        Assert.Contains(found!["items"]!.AsArray(), c => (string?)c!["id"] == caseId);
        Assert.NotNull((await arabicIndic.ReadObjectAsync())["errors"]!["complainant.idNumber"]);
    }

    [Fact]
    public async Task Uploads_WithHiddenCharactersAreRefused_AndScriptNamesAreServedAsNeutralDownloads()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = await CreateAsync(intake, Body());

        var overridden = await intake.UploadAsync(caseId, TestFiles.Text("证据"), "证据\u202Etxt.bat", "text/plain");
        var hta = await intake.UploadAsync(caseId, TestFiles.Text("<script>alert(1)</script>"), "调解书.hta", "text/plain");
        var stored = await hta.ReadObjectAsync();
        var download = await intake.GetAsync($"/api/cases/{caseId}/documents/{(string)stored["id"]!}/content", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, overridden.StatusCode);
        Assert.NotNull((await overridden.ReadObjectAsync())["errors"]!["file"]);
        Assert.Equal(HttpStatusCode.Created, hta.StatusCode);
        Assert.Equal("调解书.hta.txt", (string)stored["fileName"]!);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".txt", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("家用电器", "家用电器")]
    public void CsvCells_StartingAFormula_AreNeutralised(string cell, string written) =>
        Assert.Equal(written, SummaryCsv.Neutralise(cell));

    [Theory]
    [InlineData("%3Cscript%3E")]
    [InlineData("a b")]
    [InlineData("1abc")]
    public async Task ProcessKeys_AreShortIdentifiers(string key)
    {
        var legal = await app.ClientForAsync("legal");

        var answer = await legal.PutAsync($"/api/processes/{key}/draft", new StringContent("<x/>", Encoding.UTF8, "application/xml"), Cancel);
        var tooLong = await legal.PutAsync($"/api/processes/a{new string('b', 5000)}/draft", new StringContent("<x/>", Encoding.UTF8, "application/xml"), Cancel);

        Assert.NotNull((await answer.ReadObjectAsync())["errors"]!["key"]);
        Assert.NotNull((await tooLong.ReadObjectAsync())["errors"]!["key"]);
    }

    private static async Task<string> CreateAsync(HttpClient intake, object body)
    {
        var response = await intake.PostAsJsonAsync("/api/cases", body, Cancel);
        var answer = await response.ReadObjectAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, answer.ToJsonString());
        return (string)answer["id"]!;
    }

    private static object Body(string? receivedAt = null, string? email = "consumer@example.org", string phone = "13800138000", string address = "城关区人民路 12 号", string? idNumber = null) => new
    {
        kind = "complaint",
        channel = "hotline",
        receivedAt,
        complainant = new { name = "刘洋", phone, email, address, idNumber },
        respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
        category = "家用电器",
        subject = "电热水壶漏电",
        description = "购买的电热水壶漏电，商家拒绝退货。" + Guid.NewGuid().ToString("N"),
    };
}
