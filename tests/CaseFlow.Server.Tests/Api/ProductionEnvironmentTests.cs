using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Server.Tests.Api;

/// <summary>In Production the demo users, whose password is public, do not exist.</summary>
public sealed class ProductionEnvironmentTests(ProductionEnvironmentTests.ProductionApp app) : IClassFixture<ProductionEnvironmentTests.ProductionApp>
{
    [Fact]
    public async Task DemoUser_CannotSignIn_InProduction()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "caseflow-demo" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Server_StartsHealthy_InProduction()
    {
        using var client = app.CreateClient();

        var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public sealed class ProductionApp : CaseFlowApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");

            // Production refuses to start without a configured data key (docs/security.md); this one is for the test only.
            builder.UseSetting("CaseFlow:Security:DataKey", Convert.ToBase64String(new byte[32]));
        }
    }
}
