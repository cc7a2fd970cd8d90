using CaseFlow.Server.Cases;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Documents;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Server.Api;

/// <summary>
/// Maps domain exceptions that escape an endpoint to ProblemDetails; anything else is a 500 whose body carries
/// only a correlation id (the details go to the log, never to the client). A database outage is a 503 with
/// Retry-After and a full disk a 507 (<see cref="InfrastructureFaults"/>): the request changed nothing and may be repeated.
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
            _ when InfrastructureFaults.IsDiskFull(exception) => (StatusCodes.Status507InsufficientStorage, "Insufficient storage", "服务器磁盘空间已满，本次提交未保存任何内容。请联系系统管理员清理或扩充数据目录所在磁盘后重新提交。"),
            _ when InfrastructureFaults.IsDatabaseUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Database unavailable", "数据库暂时无法访问，本次请求未生效。请稍后重试（立案请使用相同的 Idempotency-Key，不会重复登记）。"),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "Something went wrong on the server; quote the trace id when you report it."),
        };

        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path} (trace {TraceId})", httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        }

        else if (status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status507InsufficientStorage)
        {
            // Not a bug to chase but an outage to notice: one warning line, no stack trace per request.
            logger.LogWarning("{Method} {Path} failed on the infrastructure ({Status}): {Error}", httpContext.Request.Method, httpContext.Request.Path, status, exception.GetBaseException().Message);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = InfrastructureFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
