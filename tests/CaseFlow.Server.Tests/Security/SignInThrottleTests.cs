using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Sign-in throttling (issue 18, item 4): failures are throttled, successes are not; per account and per address;
/// atomic under concurrency; every 429 says when to come back; unknown users cost the same work. All requests come
/// from one address (the test server's), like a bureau behind one NAT address.
/// </summary>
public sealed class SignInThrottleTests(SignInThrottleTests.ThrottleApp app) : IClassFixture<SignInThrottleTests.ThrottleApp>
{
    private const string Password = "correct-horse-battery-staple";

    private static readonly string[] HandlerRole = ["Handler"];

    private static readonly string[] OfficeOne = ["office-1"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FortyColleagues_SigningInFromOneAddressWithinAMinute_AllSucceed()
    {
        var names = await CreateUsersAsync("colleague", 40);

        using var anonymous = app.CreateClient();
        var statuses = await Task.WhenAll(names.Select(async n => (await SignInAsync(anonymous, n, Password)).StatusCode));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task WrongPasswordBurst_AgainstOneAccount_LeavesOtherUsersAbleToSignIn_AndTheOwnerWaitsOnlyTheCap()
    {
        var names = await CreateUsersAsync("burst", 4);
        using var anonymous = app.CreateClient();
        var burst = new List<HttpResponseMessage>();
        for (var i = 0; i < 40; i++)
        {
            burst.Add(await SignInAsync(anonymous, names[0], "wrong-password-" + i));
        }

        var ownerAtOnce = await SignInAsync(anonymous, names[0], Password);
        var others = await Task.WhenAll(names.Skip(1).Select(n => SignInAsync(anonymous, n, Password)));
        await Task.Delay(TimeSpan.FromSeconds(RetryAfterSeconds(ownerAtOnce) + 0.2), Cancel);
        var ownerLater = await SignInAsync(anonymous, names[0], Password);

        // Five free failures, then 1 s, 2 s (the cap here): a few more may be checked when a wait runs out mid-burst.
        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), 5, 10);
        Assert.Equal(40, refused.Count + burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.All(refused, r => Assert.InRange(RetryAfterSeconds(r), 1, 2));
        Assert.All(others, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, ownerAtOnce.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerLater.StatusCode);
    }

    [Fact]
    public async Task ParallelWrongPasswords_AreCountedAtomically_SoNoAttemptAfterTheFreeOnesChecksAPassword()
    {
        var name = (await CreateUsersAsync("race", 1))[0];
        using var anonymous = app.CreateClient();

        // A client-chosen X-Forwarded-For is not believed (no proxy is configured): all count as one address.
        var parallel = await Task.WhenAll(Enumerable.Range(0, 28).Select(i =>
            SignInAsync(anonymous, name, "wrong-password-" + i, forwardedFor: $"10.0.0.{i + 1}")));
        var right = await SignInAsync(anonymous, name, Password);

        // Before the fix every one of them was checked (28 × 401); now only the free ones are, and the rest wait.
        Assert.InRange(parallel.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), 5, 7);
        Assert.All(parallel, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task UnknownUser_TakesAsLongToRefuseAsAWrongPassword()
    {
        var names = await CreateUsersAsync("timing", 6);
        using var anonymous = app.CreateClient();
        await SignInAsync(anonymous, "warm-up-nobody", "whatever-it-is");
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < names.Count; i++)
        {
            unknown.Add(await TimeAsync(() => SignInAsync(anonymous, "nobody-" + i, "wrong-password")));
            wrong.Add(await TimeAsync(() => SignInAsync(anonymous, names[i], "wrong-password")));
        }

        // The leak this guards against was 20× (18 ms against 371 ms: no hash at all for an unknown name). Both paths now
        // hash; on a loaded 2-core machine with PostgreSQL the medians were seen 2× apart, so the bound is 4×: it still
        // fails at once if the hash is skipped again, and does not flake on load.
        Assert.True(Median(unknown) >= Median(wrong) / 4, $"unknown {Median(unknown):F1} ms, wrong password {Median(wrong):F1} ms");
    }

    private async Task<List<string>> CreateUsersAsync(string prefix, int count)
    {
        var admin = await app.ClientForAsync("admin");
        var names = Enumerable.Range(1, count).Select(i => $"{prefix}{i}").ToList();
        foreach (var name in names)
        {
            var created = await admin.PostAsJsonAsync(
                "/api/admin/users",
                new { userName = name, displayName = "同事 " + name, password = Password, roles = HandlerRole, groups = OfficeOne },
                Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        return names;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { userName, password }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await client.SendAsync(request, Cancel);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Assert.NotNull(response.Headers.RetryAfter);
        }

        return response;
    }

    private static double RetryAfterSeconds(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0;

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, (await call()).StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>A server whose backoff caps at 2 s, so the test can wait it out.</summary>
    public sealed class ThrottleApp : CaseFlowApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("CaseFlow:Security:SignInBackoffMaxSeconds", "2")];
    }
}
