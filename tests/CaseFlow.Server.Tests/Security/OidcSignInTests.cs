using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// OpenID Connect sign-in against a fake provider on a loopback port: the app's back channel fetches discovery, keys
/// and tokens over real HTTP; the browser's redirects are followed by hand, cookies kept per client.
/// </summary>
public sealed class OidcSignInTests(OidcSignInTests.OidcApp app) : IClassFixture<OidcSignInTests.OidcApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KnownUser_GetsAWorkingCaseFlowToken_AndTheSignInIsAudited()
    {
        app.Provider.Reset();

        var location = await SignInThroughProviderAsync("/workbench");

        Assert.StartsWith("/signin?returnUrl=%2Fworkbench#oidc-token=", location, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(location[(location.IndexOf("#oidc-token=", StringComparison.Ordinal) + "#oidc-token=".Length)..]);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks", Cancel)).StatusCode);
        var me = (await client.GetFromJsonAsync<JsonObject>("/api/auth/me", Cancel))!;
        Assert.Equal("intake", (string?)me["userName"]);
        Assert.Equal(token, (string?)me["accessToken"]);
        Assert.Contains("Intake", me["roles"]!.AsArray().Select(r => (string?)r));

        using var admin = await app.ClientForAsync("admin");
        var signIns = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=SignIn&actor=intake", Cancel))!["items"]!.AsArray();
        Assert.Contains(signIns, e => (string?)e!["details"] == "oidc");
    }

    [Fact]
    public async Task UnknownUser_IsRefused_WithoutAToken_AndAudited()
    {
        app.Provider.Reset();
        app.Provider.UserName = "stranger";

        var location = await SignInThroughProviderAsync("/workbench");

        Assert.Equal("/signin#oidc-error=unknown-user", location);
        using var admin = await app.ClientForAsync("admin");
        var failed = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=SignInFailed&actor=stranger", Cancel))!["items"]!.AsArray();
        Assert.Contains(failed, e => (string?)e!["details"] == "oidc: unknown user");
    }

    [Fact]
    public async Task IdTokenSignedWithAnotherKey_IsRefused()
    {
        app.Provider.Reset();
        app.Provider.SignWithRogueKey = true;

        var issued = app.Provider.TokensIssued;

        var location = await SignInThroughProviderAsync("/workbench");

        Assert.Equal("/signin#oidc-error=failed", location);
        Assert.Equal(issued + 1, app.Provider.TokensIssued); // refused when validating the id_token, not before
        Assert.Contains(await OidcFailuresAsync(), d => d.Contains("Signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IdTokenForAnotherAudience_IsRefused()
    {
        app.Provider.Reset();
        app.Provider.Audience = "another-client";

        var location = await SignInThroughProviderAsync("/workbench");

        Assert.Equal("/signin#oidc-error=failed", location);
        Assert.Contains(await OidcFailuresAsync(), d => d.Contains("Audience", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisabledUser_IsRefused()
    {
        app.Provider.Reset();
        app.Provider.UserName = "handler2";
        using var admin = await app.ClientForAsync("admin");
        (await admin.PostAsync("/api/admin/users/handler2/disable", null, Cancel)).EnsureSuccessStatusCode();

        var location = await SignInThroughProviderAsync("/workbench");

        Assert.Equal("/signin#oidc-error=unknown-user", location);
        var failed = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=SignInFailed&actor=handler2", Cancel))!["items"]!.AsArray();
        Assert.Contains(failed, e => (string?)e!["details"] == "oidc: disabled user");
    }

    /// <summary>Details of the failed OIDC callbacks in the audit trail (they name the validation that failed).</summary>
    private async Task<List<string>> OidcFailuresAsync()
    {
        using var admin = await app.ClientForAsync("admin");
        var failed = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=SignInFailed&actor=oidc&pageSize=200", Cancel))!["items"]!.AsArray();
        return [.. failed.Select(e => (string?)e!["details"] ?? "")];
    }

    [Fact]
    public async Task ReplayedCallback_IsRefused()
    {
        app.Provider.Reset();
        using var browser = Browser();
        var callback = await CallbackFromProviderAsync(browser, "/");
        Assert.Contains("#oidc-token=", (await browser.GetAsync(callback, Cancel)).Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The correlation cookie was used up by the first callback (and the code by the provider).
        var replay = await browser.GetAsync(callback, Cancel);

        Assert.Equal("/signin#oidc-error=failed", replay.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Login_RefusesAReturnUrlOffThisServer(string returnUrl)
    {
        using var browser = Browser();

        var response = await browser.GetAsync($"/api/auth/oidc/login?returnUrl={Uri.EscapeDataString(returnUrl)}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Status_SaysEnabled_HereAndDisabledWithoutAnAuthority()
    {
        using var browser = Browser();
        Assert.True((bool)(await browser.GetFromJsonAsync<JsonObject>("/api/auth/oidc", Cancel))!["enabled"]!);

        await using var plain = new CaseFlowApp();
        await plain.InitializeAsync();
        using var plainClient = plain.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.False((bool)(await plainClient.GetFromJsonAsync<JsonObject>("/api/auth/oidc", Cancel))!["enabled"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await plainClient.GetAsync("/api/auth/oidc/login", Cancel)).StatusCode);
    }

    /// <summary>Starts at the login endpoint, passes the provider, and returns where the callback sends the browser.</summary>
    private async Task<string> SignInThroughProviderAsync(string returnUrl)
    {
        using var browser = Browser();
        var callback = await CallbackFromProviderAsync(browser, returnUrl);
        var final = await browser.GetAsync(callback, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        return final.Headers.Location!.OriginalString;
    }

    private async Task<Uri> CallbackFromProviderAsync(HttpClient browser, string returnUrl)
    {
        var challenge = await browser.GetAsync($"/api/auth/oidc/login?returnUrl={Uri.EscapeDataString(returnUrl)}", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith($"{app.Provider.Issuer}/authorize?", challenge.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);

        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await toProvider.GetAsync(challenge.Headers.Location, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.Equal("/signin-oidc", callback.AbsolutePath);
        return callback;
    }

    /// <summary>A client to the app under test that keeps cookies and does not follow redirects, like a browser driven step by step.</summary>
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public sealed class OidcApp : CaseFlowApp
    {
        public FakeIdentityProvider Provider { get; } = FakeIdentityProvider.Start();

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("CaseFlow:Security:Oidc:Authority", Provider.Issuer),
            new("CaseFlow:Security:Oidc:ClientId", FakeIdentityProvider.ClientId),
            new("CaseFlow:Security:Oidc:ClientSecret", FakeIdentityProvider.ClientSecret),
        ];

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }
}
