namespace CaseFlow.Workflows.Activities;

/// <summary>A unit of business logic a service task runs (<c>caseflow:activity="Name"</c>).</summary>
/// <remarks>
/// A new instance is created for every execution and its <see cref="Descriptors.ActivityInputAttribute"/>
/// properties are set from the evaluated inputs, so activities may keep per-run state in fields. Activities
/// must not perform I/O: they request it through <see cref="ActivityContext.AddEffect"/> so the server can
/// commit it in the same transaction as the instance. An exception raises an <c>ActivityFailed</c> incident.
/// </remarks>
public interface IActivity
{
    /// <summary>Runs the activity.</summary>
    void Execute(ActivityContext context);
}
