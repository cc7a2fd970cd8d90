using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// Multi-instance user tasks (BPMN 2.0 §13.3.7): one token waits on the task while one task per instance is open
/// (all at once, or one after another when sequential). The step ends when every instance is completed or the
/// completion condition holds; the tasks still open are then withdrawn.
/// </summary>
internal sealed partial class ExecutionRun
{
    private void StartMultiInstance(Token token, UserTaskNode task)
    {
        var spec = task.MultiInstance!;
        JsonArray? items = null;
        int total;
        if (spec.Collection is { } collection)
        {
            var result = services.Expressions.Evaluate(collection, instance.Variables);
            if (result.Failure is { } failure)
            {
                Fault(task.Id, failure.IncidentKind, $"The collection of multi-instance task {task.Label} could not be evaluated. {failure.Message}");
                return;
            }

            if (result.Value is not JsonArray array)
            {
                Fault(task.Id, "MultiInstanceCollection", $"The collection of multi-instance task {task.Label} is not a list (it is {result.Value?.ToJsonString() ?? "null"}); give it an array, e.g. [\"chief\", \"legal\"].");
                return;
            }

            items = (JsonArray)array.DeepClone();
            total = items.Count;
        }
        else
        {
            var result = services.Expressions.Evaluate(spec.Cardinality!, instance.Variables);
            if (result.Failure is { } failure)
            {
                Fault(task.Id, failure.IncidentKind, $"The loop cardinality of multi-instance task {task.Label} could not be evaluated. {failure.Message}");
                return;
            }

            if (result.Value is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number
                || !double.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
                || number < 0 || number > services.Options.MaxMultiInstances || number != Math.Floor(number))
            {
                Fault(task.Id, "MultiInstanceCardinality", $"The loop cardinality of multi-instance task {task.Label} is {result.Value?.ToJsonString() ?? "null"}; it must be a whole number from 0 to {services.Options.MaxMultiInstances}.");
                return;
            }

            total = (int)number;
        }

        if (total > services.Options.MaxMultiInstances)
        {
            Fault(task.Id, "MultiInstanceCardinality", $"Multi-instance task {task.Label} would open {Count(total)} tasks; at most {Count(services.Options.MaxMultiInstances)} are allowed.");
            return;
        }

        if (total == 0)
        {
            Record(task.Id, "MultiInstanceSkipped", "No instances (empty collection or cardinality 0)");
            Leave(token, task);
            return;
        }

        var progress = new MultiInstanceProgress { Total = total, Items = items };
        instance.MultiInstances[token.Id] = progress;
        Record(task.Id, "MultiInstanceStarted", $"{Count(total)} {(spec.Sequential ? "sequential" : "parallel")} instances");
        var open = spec.Sequential ? 1 : total;
        for (var i = 0; i < open; i++)
        {
            if (!OpenNext(token, task, progress))
            {
                return;
            }
        }

        CreateBoundaries(token, task);
    }

    private bool OpenNext(Token token, UserTaskNode task, MultiInstanceProgress progress)
    {
        var loopCounter = progress.Next++;
        return OpenUserTask(token, task, Scope(task, progress, loopCounter), loopCounter) is not null;
    }

    private void CompleteInstance(Bookmark bookmark, JsonObject? variables, string? actor)
    {
        var task = (UserTaskNode)graph.Node(bookmark.ElementId);
        var spec = task.MultiInstance!;
        var progress = instance.MultiInstances[bookmark.TokenId];
        var loopCounter = bookmark.LoopCounter ?? 0;
        Merge(variables);
        RemoveBookmark(bookmark);
        progress.Completed++;
        var outcome = AsText(variables?["outcome"]);
        progress.Results.Add(new JsonObject
        {
            ["loopCounter"] = loopCounter,
            ["item"] = progress.Items?.ElementAtOrDefault(loopCounter)?.DeepClone(),
            ["completedBy"] = actor,
            ["outcome"] = outcome,
            ["variables"] = variables?.DeepClone(),
        });
        if (spec.ResultsVariable is { } resultsVariable)
        {
            instance.Variables[resultsVariable] = progress.Results.DeepClone();
        }

        Record(bookmark.ElementId, "TaskCompleted", $"{bookmark.Task?.Name} [{Count(loopCounter + 1)}/{Count(progress.Total)}]{(outcome is null ? "" : $": outcome '{outcome}'")}", actor);

        var token = WaitingToken(bookmark);
        var done = progress.Completed >= progress.Total;
        if (!done && spec.CompletionCondition is { } condition)
        {
            var result = services.Expressions.EvaluateCondition(condition, Scope(task, progress, loopCounter));
            if (result.Failure is { } failure)
            {
                Fault(task.Id, failure.IncidentKind, $"The completion condition of multi-instance task {task.Label} could not be evaluated. {failure.Message}");
                return;
            }

            done = result.Value;
            if (done)
            {
                Record(task.Id, "MultiInstanceCompletedEarly", $"Completion condition met after {Count(progress.Completed)} of {Count(progress.Total)}");
            }
        }

        if (done)
        {
            instance.MultiInstances.Remove(token.Id);
            WithdrawBookmarksOf(token.Id);
            Leave(token, task);
            return;
        }

        if (spec.Sequential && progress.Next < progress.Total)
        {
            OpenNext(token, task, progress);
        }
    }

    /// <summary>What an instance's expressions see: the process variables plus the loop variables of BPMN §13.3.7.</summary>
    private JsonObject Scope(UserTaskNode task, MultiInstanceProgress progress, int loopCounter)
    {
        var scope = (JsonObject)instance.Variables.DeepClone();
        scope["loopCounter"] = loopCounter;
        scope["nrOfInstances"] = progress.Total;
        scope["nrOfCompletedInstances"] = progress.Completed;
        scope["nrOfActiveInstances"] = progress.Next - progress.Completed;
        scope["results"] = progress.Results.DeepClone();
        if (task.MultiInstance!.ElementVariable is { } name)
        {
            scope[name] = progress.Items?.ElementAtOrDefault(loopCounter)?.DeepClone();
        }

        return scope;
    }
}
