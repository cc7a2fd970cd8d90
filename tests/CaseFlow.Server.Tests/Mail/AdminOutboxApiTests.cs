using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Server.Api;
using CaseFlow.Server.Mail;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Scheduling;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Tests.Mail;

public sealed class AdminOutboxApiTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        _database.Configure(builder);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddAuthentication(RoleHeaderHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, RoleHeaderHandler>(RoleHeaderHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapAdminOutboxApi();
        await TestDatabase.CreateSchemaAsync(_app.Services, TestContext.Current.CancellationToken);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
        _client.DefaultRequestHeaders.Add(RoleHeaderHandler.Header, "Admin");
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task List_ReturnsOnlyFailedMessages_WhenFilteredByState()
    {
        var ct = TestContext.Current.CancellationToken;
        var failed = await AddAsync(OutboxState.Failed, ct);
        await AddAsync(OutboxState.Sent, ct);

        var body = await Client.GetFromJsonAsync<JsonElement>("/api/admin/outbox?state=failed", ct);

        Assert.Equal(1, body.GetProperty("total").GetInt32());
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(failed.Id, item.GetProperty("id").GetGuid());
        Assert.Equal("failed", item.GetProperty("state").GetString());
        Assert.Equal("超期提醒", item.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task List_Returns400WithStateError_WhenStateIsUnknown()
    {
        var response = await Client.GetAsync(new Uri("/api/admin/outbox?state=lost", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("state", out _));
    }

    [Fact]
    public async Task Retry_ResetsFailedMessageToPending_WhenCalledByAdmin()
    {
        var ct = TestContext.Current.CancellationToken;
        var failed = await AddAsync(OutboxState.Failed, ct);

        var response = await Client.PostAsync(new Uri($"/api/admin/outbox/{failed.Id}/retry", UriKind.Relative), null, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("pending", item.GetProperty("state").GetString());
        Assert.Equal(0, item.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Retry_Returns409And404_WhenMessageIsSentOrUnknown()
    {
        var ct = TestContext.Current.CancellationToken;
        var sent = await AddAsync(OutboxState.Sent, ct);

        var conflict = await Client.PostAsync(new Uri($"/api/admin/outbox/{sent.Id}/retry", UriKind.Relative), null, ct);
        var missing = await Client.PostAsync(new Uri($"/api/admin/outbox/{Guid.NewGuid()}/retry", UriKind.Relative), null, ct);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task List_Returns403_WhenCallerIsNotAdmin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/outbox");
        request.Headers.Add(RoleHeaderHandler.Header, "Handler");
        using var client = _app!.GetTestClient();

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<StoredOutboxMessage> AddAsync(OutboxState state, CancellationToken ct)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var row = new StoredOutboxMessage
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            To = "chief@example.cn",
            Subject = "超期提醒",
            Body = "有工单已超期。",
            CreatedAt = now,
            NextAttemptAt = now,
            State = state,
            Attempts = state == OutboxState.Failed ? 8 : 1,
            LastError = state == OutboxState.Failed ? "SocketException: Connection refused" : null,
            SentAt = state == OutboxState.Sent ? now : null,
            MessageId = $"{Guid.NewGuid():N}@caseflow",
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Signs a request in with the role named in a header; the real bearer scheme is the lead's.</summary>
    private sealed class RoleHeaderHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestRole";
        public const string Header = "X-Test-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "tester"), new Claim(ClaimTypes.Role, role.ToString())], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
