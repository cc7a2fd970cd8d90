using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Expressions;

namespace CaseFlow.Workflows.Runtime;

/// <summary>What one execution run needs from the engine's dependencies.</summary>
internal sealed record EngineServices(
    TimeProvider Time,
    IBusinessCalendar Calendar,
    IActivityRegistry Activities,
    IExpressionEvaluator Expressions,
    WorkflowEngineOptions Options);
