using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Runtime.Migration;

namespace CaseFlow.Server.Api;

/// <summary>The answers operations share: the required reason, refused modifications, unmappable migrations.</summary>
internal static class OperationProblems
{
    public static Dictionary<string, string[]> ReasonErrors(string? reason)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["reason is required: say why, it is kept in the instance history with your name."];
        }
        else if (reason.Length > InstanceOperationsApi.MaxReasonLength)
        {
            errors["reason"] = [$"reason may be at most {InstanceOperationsApi.MaxReasonLength} characters."];
        }

        return errors;
    }

    public static IResult? Reason(string? reason) => ReasonErrors(reason) is { Count: > 0 } errors ? ApiProblems.Validation(errors) : null;

    /// <summary>Maps what the engine refuses to 400 (naming the field) or 409 (with its message).</summary>
    public static async Task<IResult> GuardAsync(Func<Task<IResult>> operation)
    {
        try
        {
            return await operation();
        }
        catch (InvalidModificationException ex)
        {
            return ApiProblems.Field(ex.Field ?? "request", ex.Message);
        }
        catch (Exception ex) when (ex is InstanceStateException or InstanceNotRunningException)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this state");
        }
    }

    public static IResult Unmappable(MigrationPlan plan) => TypedResults.Json(
        new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            title = "The instance cannot be migrated.",
            status = StatusCodes.Status409Conflict,
            detail = string.Join(" ", plan.Refusals),
            plan,
        },
        statusCode: StatusCodes.Status409Conflict,
        contentType: "application/problem+json");
}
