using CaseFlow.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Server.Tests.Security;

/// <summary>Issue 18, item 6 (part): in Production the personal-data key must be configured, never generated into the data directory.</summary>
public sealed class ProductionKeyTests
{
    [Fact]
    public async Task Production_WithoutAConfiguredDataKey_RefusesToStart_AndWritesNoKeyFile()
    {
        await using var app = new ProductionApp();

        var failure = Record.Exception(() => app.Server);

        Assert.NotNull(failure);
        Assert.Contains("CaseFlow:Security:DataKey", failure.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, "security", "data-key")));
    }

    private sealed class ProductionApp : CaseFlowApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
