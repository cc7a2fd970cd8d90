using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The server on Fri 2026-07-03 09:00 Shanghai, the 立案 date of the worked example in rules.md §5.2 (+90 days =
/// Thu 2026-10-08). The enforcement process has no boundary timers, so Quartz (on the real clock) has nothing to fire.
/// </summary>
public sealed class EnforcementClockApp : CaseFlowApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 7, 3, 1, 0, 0, TimeSpan.Zero));

    // A week, the longest allowed, so tokens outlive the days a test moves the clock on.
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("CaseFlow:Auth:TokenLifetimeMinutes", "10080")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
