using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// The complainant's identity never goes to the respondent: a template addressed to the respondent that merges a
/// complainant field is refused when saved, and one written straight into the database renders the field withheld.
/// A server of its own, since the tests change the termination notice.
/// </summary>
public sealed class RespondentLetterTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShippedTemplates_SayWhoTheyAreAddressedTo()
    {
        var legal = await app.ClientForAsync("legal");

        var templates = (await legal.GetFromJsonAsync<JsonArray>("/api/templates", Cancel))!;

        var addressees = templates.ToDictionary(t => (string)t!["code"]!, t => (string)t!["addressedTo"]!);
        Assert.Equal("complainant", addressees["refusal"]);
        Assert.Equal("police", addressees["police-transfer-letter"]);
        Assert.Equal("internal", addressees["deadline-warning"]);
    }

    [Fact]
    public async Task SavingARespondentLetter_ThatMergesTheComplainant_IsRefusedNamingTheField()
    {
        var legal = await app.ClientForAsync("legal");

        var refused = await legal.PutAsJsonAsync("/api/templates/refusal", new
        {
            subject = "告知（{{caseNumber}}）",
            body = "{{respondentName}}：投诉人{{complainantName}}投诉了你。{{reason}}",
            addressedTo = "respondent",
        }, Cancel);
        var unknownAddressee = await legal.PutAsJsonAsync("/api/templates/refusal", new { subject = "告知", body = "正文", addressedTo = "neighbour" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["body"], errors.Select(e => e.Key));
        Assert.Contains("{{complainantName}}", (string)errors["body"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAddressee.StatusCode);
        Assert.True((await unknownAddressee.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("addressedTo"));
        Assert.Equal(1, (int)(await legal.GetFromJsonAsync<JsonObject>("/api/templates/refusal", Cancel))!["current"]!["version"]!);
    }

    [Fact]
    public async Task ARespondentLetterWrittenStraightIntoTheDatabase_RendersTheComplainantWithheld()
    {
        var legal = await app.ClientForAsync("legal");
        var admin = await app.ClientForAsync("admin");
        var intake = await app.ClientForAsync("intake");
        var saved = await legal.PutAsJsonAsync("/api/templates/termination-notice", new
        {
            subject = "终止调解告知（{{caseNumber}}）",
            body = "{{respondentName}}：关于“{{subject}}”的调解已终止。{{reason}}",
            addressedTo = "respondent",
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = await saved.ReadObjectAsync();
        Assert.Equal("respondent", (string)version["addressedTo"]!);

        await using (var connection = await RawDatabase.OpenAsync(app.DataDirectory, Cancel))
        {
            await using var command = connection.Command(
                "UPDATE \"LetterTemplates\" SET \"Body\" = '{{respondentName}}：投诉人{{complainantName}}。' WHERE \"Code\" = 'termination-notice' AND \"Version\" = @version",
                ("@version", (int)version["current"]!["version"]!));
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
        }

        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var preview = await (await admin.PostAsJsonAsync("/api/templates/termination-notice/preview", new { caseId }, Cancel)).ReadObjectAsync();

        var body = (string)preview["body"]!;
        Assert.Contains("投诉人【已隐去】", body, StringComparison.Ordinal);
        Assert.DoesNotContain("刘洋", body, StringComparison.Ordinal);
    }
}
