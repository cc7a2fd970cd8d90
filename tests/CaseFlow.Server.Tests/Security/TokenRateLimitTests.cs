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
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody" + i, password = "whatever-it-is" }, TestContext.Current.CancellationToken));
        }

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(responses.Skip(3), r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero, "every 429 carries Retry-After"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(3));
    }

    public sealed class LimitedApp : CaseFlowApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("CaseFlow:Security:TokenRequestsPerMinute", "3")];
    }
}
