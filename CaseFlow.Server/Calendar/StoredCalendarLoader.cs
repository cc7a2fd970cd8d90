using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Calendar;

/// <summary>At start-up, loads the calendar years administrators stored into the <see cref="BusinessCalendar"/> singleton.</summary>
/// <remarks>
/// Registered with the persistence, right after the database initializer, so that timers and requests never count
/// with the bundled data alone. Hosts that run the database without the engine (mail and scheduler test hosts) have no
/// calendar, and then there is nothing to load.
/// </remarks>
internal sealed class StoredCalendarLoader(IServiceProvider services, ILogger<StoredCalendarLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<BusinessCalendar>() is not { } calendar)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var rows = await db.CalendarYears.AsNoTracking().Where(y => y.Json != null).ToListAsync(cancellationToken);
        var applied = StoredCalendarYears.ApplyTo(calendar, rows);
        if (applied.Count > 0)
        {
            logger.LogInformation("Loaded stored calendar years {Years}", string.Join(", ", applied));
        }

        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        if (CalendarCoverage.Read(calendar, calendar.ToLocalDate(clock.GetUtcNow())).WarningEn is { } warning)
        {
            logger.LogWarning("{Warning}", warning);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
