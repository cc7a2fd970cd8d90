using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>The token endpoint's rate limit (ASP.NET Core rate limiter), on a server configured with a small one.</summary>
public sealed class TokenRateLimitTests(TokenRateLimitTests.LimitedApp app) : IClassFixture<TokenRateLimitTests.LimitedApp>
{
    [Fact]
    public async Task TokenRequests_BeyondTheLimit_Get429()
    {
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = "whatever-it-is" }, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(3));
    }

    public sealed class LimitedApp : CaseFlowApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("CaseFlow:Security:TokenRequestsPerMinute", "3")];
    }
}
