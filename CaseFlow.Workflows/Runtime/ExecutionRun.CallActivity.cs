using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// Call activities (BPMN 2.0 §10.3.6): the token waits on a call-activity bookmark while the server runs the called
/// process as a child instance; the child's completion resumes it with the <c>caseflow:out</c> mappings applied.
/// </summary>
internal sealed partial class ExecutionRun
{
    /// <summary>Arms the boundary events, then asks the server (an effect) to start the child with the mapped variables.</summary>
    private void EnterCallActivity(Token token, CallActivityNode call)
    {
        var variables = new JsonObject();
        if (call.Inputs.Count == 0)
        {
            // Without caseflow:in the child sees everything the parent knows, like an embedded sub-process would.
            variables = (JsonObject)instance.Variables.DeepClone();
        }

        foreach (var mapping in call.Inputs)
        {
            if (!TryMap(mapping, instance.Variables, call, out var value, out var present))
            {
                return;
            }

            if (present)
            {
                variables[mapping.Target] = value;
            }
        }

        CreateBoundaries(token, call);
        if (_stopped)
        {
            return;
        }

        var bookmark = new Bookmark(NewId(), BookmarkKind.CallActivity, call.Id, token.Id)
        {
            CalledProcessKey = call.CalledElement,
            CalledProcessVersion = call.Version,
        };
        AddBookmark(bookmark);
        _effects.Add(new StartChildInstanceEffect(call.Id, bookmark.Id, call.CalledElement, call.Version, variables));
        Record(call.Id, "CallActivityStarted", call.Version is { } version ? $"{call.CalledElement} v{Count(version)}" : $"{call.CalledElement} (latest version)");
    }

    public void CompleteCallActivity(Guid bookmarkId, JsonObject childVariables)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.CallActivity);
        var call = (CallActivityNode)graph.Node(bookmark.ElementId);
        var token = WaitingToken(bookmark);
        RemoveBookmark(bookmark);
        WithdrawBookmarksOf(token.Id);
        Record(call.Id, "CallActivityCompleted", call.CalledElement);

        // A failing out-mapping stops this token, so it is the one the incident names.
        _current = (token, null);
        foreach (var mapping in call.Outputs)
        {
            if (!TryMap(mapping, childVariables, call, out var value, out var present))
            {
                return;
            }

            if (present)
            {
                instance.Variables[mapping.Target] = value;
            }
        }

        Leave(token, call);
        Run();
    }

    /// <summary>The child could not be started: the call activity's token stops with an incident; retrying it calls again.</summary>
    public void FailCallActivity(Guid bookmarkId, string message)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.CallActivity);
        var token = WaitingToken(bookmark);
        RemoveBookmark(bookmark);
        WithdrawBookmarksOf(token.Id);
        _current = (token, null);
        Fault(bookmark.ElementId, "CallActivityFailed", message);
    }

    /// <summary>
    /// An error or escalation the called process did not catch arrives at the call activity (BPMN 2.0 §10.3.6): a
    /// boundary event on it catches it like one on a sub-process. Returns false when none does.
    /// </summary>
    public bool CatchFromCallActivity(Guid bookmarkId, bool isError, string? code)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.CallActivity);
        var caught = TryCatchAt(WaitingToken(bookmark), isError ? EventTrigger.Error : EventTrigger.Escalation, code);
        if (caught)
        {
            Run();
        }

        return caught;
    }

    /// <summary>Reads a mapping's value from <paramref name="from"/>; a missing source variable is "not present" and sets nothing.</summary>
    private bool TryMap(VariableMapping mapping, JsonObject from, CallActivityNode call, out JsonNode? value, out bool present)
    {
        value = null;
        if (mapping.SourceExpression is null)
        {
            present = from.TryGetPropertyValue(mapping.Source!, out var found);
            value = found?.DeepClone();
            return true;
        }

        present = false;
        var result = services.Expressions.Evaluate(mapping.SourceExpression, from);
        if (result.Failure is { } failure)
        {
            Fault(call.Id, failure.IncidentKind, $"The variable mapping to '{mapping.Target}' of call activity {call.Label} could not be evaluated. {failure.Message}");
            return false;
        }

        value = result.Value?.DeepClone();
        present = true;
        return true;
    }
}
