using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Expressions;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFlow.Workflows.Tests;

public class WorkflowsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCaseFlowWorkflows_ResolvesEngineParts_WhenHostAddsCalendar()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IBusinessCalendar, WeekendCalendar>();
        services.AddCaseFlowWorkflows(o => o.MaxStepsPerCommand = 42);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<WorkflowEngine>(provider.GetRequiredService<IWorkflowEngine>());
        Assert.IsType<BpmnParser>(provider.GetRequiredService<IBpmnParser>());
        Assert.IsType<ProcessGraphCache>(provider.GetRequiredService<IProcessGraphCache>());
        Assert.IsType<JintExpressionEvaluator>(provider.GetRequiredService<IExpressionEvaluator>());
        Assert.Equal(11, provider.GetRequiredService<IActivityRegistry>().Descriptors.Count);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(42, provider.GetRequiredService<IOptions<WorkflowEngineOptions>>().Value.MaxStepsPerCommand);
    }

    [Fact]
    public void AddCaseFlowWorkflows_DoesNotRegisterCalendar()
    {
        var services = new ServiceCollection().AddCaseFlowWorkflows();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IBusinessCalendar));
        Assert.All(services.Where(d => d.ServiceType.Namespace!.StartsWith("CaseFlow", StringComparison.Ordinal)),
            d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }
}
