using CaseFlow.Server.Cases;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Documents;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Server.Api;

/// <summary>
/// Maps domain exceptions that escape an endpoint to ProblemDetails; anything else is a 500 whose body carries
/// only a correlation id (the details go to the log, never to the client).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BookmarkNotFoundException => (StatusCodes.Status409Conflict, "Conflict", "The task or event was completed or withdrawn a moment ago."),
            InstanceNotRunningException => (StatusCodes.Status409Conflict, "Not running", "The process instance is completed, cancelled or stopped by an incident; it accepts no more work."),
            CommandConflictException => (StatusCodes.Status409Conflict, "Conflict", "The instance kept changing while your request ran; try again."),
            CaseTransitionException e => (StatusCodes.Status409Conflict, "Not allowed in this state", e.Message),
            TransferPackageRefusedException e => (StatusCodes.Status409Conflict, "Transfer package incomplete", e.Message),
            InstanceNotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "Something went wrong on the server; quote the trace id when you report it."),
        };

        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path} (trace {TraceId})", httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
