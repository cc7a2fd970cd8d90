using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

public sealed class CalendarAndHealthApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Theory]
    [InlineData("2026-04-30", "workingDays=7", "2026-05-13")]
    [InlineData("2025-09-26", "workingDays=7", "2025-10-13")]
    [InlineData("2026-02-12", "workingDays=15", "2026-03-11")]
    [InlineData("2026-04-15", "calendarDays=60", "2026-06-15")]
    [InlineData("2026-07-03", "calendarDays=90", "2026-10-08")]
    public async Task Due_MatchesTheWorkedExamplesOfRules(string from, string period, string expected)
    {
        var client = await app.ClientForAsync("handler1");

        var due = await client.GetFromJsonAsync<JsonObject>($"/api/calendar/due?from={from}&{period}");

        Assert.Equal(expected, (string)due!["due"]!);
    }

    [Theory]
    [InlineData("from=2026-13-01&workingDays=7", "from")]
    [InlineData("from=2026-04-30", "workingDays")]
    [InlineData("from=2026-04-30&workingDays=7&calendarDays=3", "workingDays")]
    public async Task Due_Returns400NamingTheField_WhenQueryIsWrong(string query, string field)
    {
        var client = await app.ClientForAsync("handler1");

        var response = await client.GetAsync($"/api/calendar/due?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Health_Returns200Anonymously_WhenDatabaseAndSchedulerAreUp()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_IsPublished_AndListsTheCasesEndpoint()
    {
        using var anonymous = app.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        Assert.True(document!["paths"]!.AsObject().ContainsKey("/api/cases"));
    }

    [Fact]
    public async Task Token_Returns401_ForWrongPassword()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "intake", password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
