using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Api;

/// <summary>
/// An exact-match case search by ID number or phone is an unmask: it tells whether a full number belongs to a case,
/// so it needs the unmask right and a reason, is recorded as an <c>UnmaskedRead</c>, and is limited per user.
/// </summary>
internal static class PersonalDataSearchGuard
{
    /// <summary>Null when the search may run (the read is recorded); otherwise the refusal (403, 400 naming <c>reason</c>, or 429).</summary>
    public static async Task<IResult?> RefusedAsync(
        HttpContext http,
        CurrentUser user,
        string field,
        string value,
        string? reason,
        AuditTrail audit,
        PersonalDataSearchLimiter limiter,
        CancellationToken cancellationToken)
    {
        if (!UnmaskRights.MayUnmask(user))
        {
            await audit.RecordNowAsync(user.UserName, AuditActions.AccessDenied, null, $"search by {field} refused: no PersonalDataReader or Supervisor role", cancellationToken);
            return ApiProblems.Forbidden($"按{(field == "idNumber" ? "身份证号码" : "联系电话")}查找案件属于查看完整个人信息，须有相应权限。 Searching by {field} reveals personal data and needs the PersonalDataReader or Supervisor role.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return ApiProblems.Field("reason", "按身份证号码或联系电话查找须填写事由（不超过 500 字），并予记录。 reason is required to search by idNumber or phone (at most 500 characters); it is recorded.");
        }

        if (limiter.TryAcquire(user.UserName) is { } wait)
        {
            await audit.RecordNowAsync(user.UserName, AuditActions.AccessDenied, null, $"search by {field} refused: hourly limit reached", cancellationToken);
            return ApiProblems.TooManyRequests(http, wait);
        }

        var shown = field == "idNumber" ? PersonalDataMask.IdNumber(IdNumbers.Normalise(value)) : PersonalDataMask.Phone(value.Trim());
        await audit.RecordNowAsync(user.UserName, AuditActions.UnmaskedRead, null, $"{shown}: {reason.Trim()}", cancellationToken, subject: $"search by {field}");
        return null;
    }
}
