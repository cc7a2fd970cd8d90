using CaseFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Which levels the server's logging enables. A level written nowhere must not be enabled at all: EF Core builds a
/// log event for every command and tracked entity whenever its level is enabled, even if nothing writes it.
/// </summary>
public sealed class LoggingLevelsTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information, false)]
    [InlineData("Microsoft.EntityFrameworkCore.ChangeTracking", LogLevel.Debug, false)]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning, true)]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Error, true)]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Debug, false)]
    [InlineData("Microsoft.Hosting.Lifetime", LogLevel.Information, true)]
    [InlineData("Quartz.Core.QuartzSchedulerThread", LogLevel.Debug, false)]
    [InlineData("Quartz.Core.QuartzScheduler", LogLevel.Information, true)]
    [InlineData("CaseFlow.Server.Escalations.EscalationSweeper", LogLevel.Information, true)]
    public void LevelsWrittenNowhere_AreNotEnabled(string category, LogLevel level, bool enabled)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        Assert.Equal(enabled, logger.IsEnabled(level));
    }
}
