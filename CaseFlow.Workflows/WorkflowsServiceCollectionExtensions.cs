using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Expressions;
using CaseFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseFlow.Workflows;

/// <summary>Registers the workflow engine with the host.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the BPMN parser, graph cache, expression sandbox, activity registry and engine as singletons.
    /// </summary>
    /// <remarks>
    /// The host must register <see cref="Calendar.IBusinessCalendar"/>: the calendar's data (holidays per year)
    /// is the host's to load. <see cref="TimeProvider"/> defaults to the system clock unless the host added one.
    /// </remarks>
    public static IServiceCollection AddCaseFlowWorkflows(this IServiceCollection services, Action<WorkflowEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<WorkflowEngineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IActivityRegistry>(_ => new ActivityRegistry());
        services.TryAddSingleton<IExpressionEvaluator, JintExpressionEvaluator>();
        services.TryAddSingleton<IBpmnParser, BpmnParser>();
        services.TryAddSingleton<IProcessGraphCache, ProcessGraphCache>();
        services.TryAddSingleton<IWorkflowEngine, WorkflowEngine>();
        return services;
    }
}
