using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary><c>/api/rule-sets</c>: the shipped sets, validation on save, and edits that are kept.</summary>
public sealed class RuleSetsApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task List_HasTheShippedRuleSets()
    {
        var client = await app.ClientForAsync("handler1");

        var sets = await client.GetFromJsonAsync<JsonArray>("/api/rule-sets");

        Assert.Equal(["O121", "O20", "O310", "PPR"], sets!.Select(s => (string)s!["id"]!).Order(StringComparer.Ordinal));
        var o121 = await client.GetFromJsonAsync<JsonObject>("/api/rule-sets/O121");
        Assert.Equal("2026-04-15", (string)o121!["effectiveFrom"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/rule-sets/O999")).StatusCode);
    }

    [Fact]
    public async Task Put_ByHandler_IsForbidden()
    {
        var handler = await app.ClientForAsync("handler1");
        var o121 = await (await app.ClientForAsync("legal")).GetFromJsonAsync<JsonObject>("/api/rule-sets/O121");

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync("/api/rule-sets/O121", o121)).StatusCode);
    }

    [Fact]
    public async Task Put_Invalid_Returns400WithFieldErrors()
    {
        var legal = await app.ClientForAsync("legal");
        var o121 = (await legal.GetFromJsonAsync<JsonObject>("/api/rule-sets/O121"))!;

        var badAmount = o121.DeepClone().AsObject();
        badAmount["rules"]![2]!["amount"] = 0;
        var overlapping = (await legal.GetFromJsonAsync<JsonObject>("/api/rule-sets/O20"))!;
        overlapping["effectiveTo"] = "2026-05-31";
        var badApprover = o121.DeepClone().AsObject();
        badApprover["rules"]![3]!["extension"]!["approver"] = "Boss";

        Assert.Contains("rules[2].amount", await ErrorsAsync(await legal.PutAsJsonAsync("/api/rule-sets/O121", badAmount)));
        Assert.Contains("rules[0].code", await ErrorsAsync(await legal.PutAsJsonAsync("/api/rule-sets/O20", overlapping)));
        Assert.Contains(await ErrorsAsync(await legal.PutAsJsonAsync("/api/rule-sets/O121", badApprover)), k => k.StartsWith("rules[3].extension.approver", StringComparison.Ordinal));
        Assert.Equal("2026-04-14", (string)(await legal.GetFromJsonAsync<JsonObject>("/api/rule-sets/O20"))!["effectiveTo"]!);
    }

    [Fact]
    public async Task Put_Valid_IsKept()
    {
        var legal = await app.ClientForAsync("legal");
        var o310 = (await legal.GetFromJsonAsync<JsonObject>("/api/rule-sets/O310"))!;
        o310["rules"]![0]!["warningsBefore"] = new JsonArray("1d");

        var put = await legal.PutAsJsonAsync("/api/rule-sets/O310", o310);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var again = await legal.GetFromJsonAsync<JsonObject>("/api/rule-sets/O310");
        Assert.Equal("1d", (string)again!["rules"]![0]!["warningsBefore"]![0]!);
    }

    private static async Task<IReadOnlyCollection<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.ReadObjectAsync())["errors"]!.AsObject().Select(p => p.Key).ToList();
    }
}
