using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The server with a clock the test moves: Mon 2026-12-07 10:00 in Shanghai at start. It lies after the real date the
/// tests were written on, so Quartz (on the real clock) does not fire the boundary timers of deadlines it creates.
/// </summary>
public class FakeClockCaseFlowApp : CaseFlowApp
{
    public FakeClockCaseFlowApp()
    {
    }

    /// <summary>A server on an existing data directory with a clock carried over from an earlier run (a restart).</summary>
    protected FakeClockCaseFlowApp(string dataDirectory, FakeTimeProvider clock)
        : base(dataDirectory) => Clock = clock;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));

    // A week, the longest allowed, so tokens outlive the days a test moves the clock on.
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("CaseFlow:Auth:TokenLifetimeMinutes", "10080")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
