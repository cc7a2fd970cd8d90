using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseFlow.Workflows.Calendar;

/// <summary>Registers the business calendar.</summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="BusinessCalendar"/> singleton (with the bundled years) as itself and as
    /// <see cref="IBusinessCalendar"/>. Bind <see cref="BusinessCalendarOptions"/> from configuration as usual.
    /// </summary>
    /// <remarks>
    /// A factory is used on purpose: left to pick a constructor, the container would satisfy
    /// <c>IEnumerable&lt;CalendarYear&gt;</c> with an empty list and build a calendar without holidays.
    /// It is a singleton because years added by an administrator must be seen by every request.
    /// </remarks>
    public static IServiceCollection AddBusinessCalendar(this IServiceCollection services, Action<BusinessCalendarOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<BusinessCalendarOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(sp => new BusinessCalendar(sp.GetRequiredService<IOptions<BusinessCalendarOptions>>().Value));
        services.TryAddSingleton<IBusinessCalendar>(sp => sp.GetRequiredService<BusinessCalendar>());
        return services;
    }
}
