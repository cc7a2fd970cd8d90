using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// A year of cases with known outcomes, written straight to the database (the statistics read only the case and
/// deadline columns, and a year cannot pass in a test). Each test seeds its own year so tests never share figures.
/// </summary>
internal static class ReportCaseSeed
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>A Shanghai local time in <paramref name="year"/> (month may be 13 for January of the next year).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 10, int minute = 0) =>
        month == 13 ? new DateTimeOffset(year + 1, 1, day, hour, minute, 0, Shanghai) : new DateTimeOffset(year, month, day, hour, minute, 0, Shanghai);

    /// <summary>
    /// Received in the year: 4 complaints (2 accepted and closed with money and ratings, 1 refused and rated neutral,
    /// 1 registered at 23:30 on 31 December) and 4 reports (3 filed and transferred: food, drug, food; 1 not filed).
    /// Outside it: a complaint received 00:10 on 1 January after (closed, 1,000,000 yuan) and a report received the December
    /// before but filed in the year. Deadlines: met, breached, met, running past due, suspended, and one due next year.
    /// </summary>
    public static async Task SeedYearAsync(IServiceProvider services, int year)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var y = year;

        var c1 = Case(y, "TS", 1, "complaint", "office-1", "家用电器", At(y, 3, 10));
        Move(c1, (CaseStatus.Accepted, At(y, 3, 12)), (CaseStatus.Closed, At(y, 4, 20)));
        c1.RecoveredAmount = 12_345.60m;
        c1.Satisfaction = "very-satisfied";
        var c2 = Case(y, "TS", 2, "complaint", "office-1", "食品", At(y, 5, 1));
        Move(c2, (CaseStatus.Accepted, At(y, 5, 6)), (CaseStatus.Closed, At(y, 5, 30)));
        c2.RecoveredAmount = 3_210.00m;
        c2.Satisfaction = "satisfied";
        var c3 = Case(y, "TS", 3, "complaint", "office-2", "服装", At(y, 6, 1));
        Move(c3, (CaseStatus.Refused, At(y, 6, 5)));
        c3.Satisfaction = "neutral";
        var c4 = Case(y, "TS", 4, "complaint", "office-2", "家用电器", At(y, 12, 31, 23, 30));
        var c5 = Case(y, "TS", 5, "complaint", "office-1", "家用电器", At(y, 13, 1, 0, 10));
        Move(c5, (CaseStatus.Accepted, At(y, 13, 2)), (CaseStatus.Closed, At(y, 13, 3)));
        c5.RecoveredAmount = 1_000_000m;
        c5.Satisfaction = "dissatisfied";

        var r1 = Case(y, "JB", 1, "report", "office-1", "food", At(y, 2, 1));
        Move(r1, (CaseStatus.Verifying, At(y, 2, 2)), (CaseStatus.Filed, At(y, 2, 20)), (CaseStatus.Transferred, At(y, 3, 1)), (CaseStatus.Closed, At(y, 4, 1)));
        var r2 = Case(y, "JB", 2, "report", "office-2", "drug", At(y, 7, 1));
        Move(r2, (CaseStatus.Verifying, At(y, 7, 2)), (CaseStatus.Filed, At(y, 7, 10)), (CaseStatus.Transferred, At(y, 7, 20)));
        var r3 = Case(y, "JB", 3, "report", "office-1", "food", At(y, 8, 1));
        Move(r3, (CaseStatus.Verifying, At(y, 8, 2)), (CaseStatus.Filed, At(y, 8, 5)), (CaseStatus.Transferred, At(y, 8, 15)));
        var r4 = Case(y, "JB", 4, "report", "office-1", "price", At(y, 9, 1));
        Move(r4, (CaseStatus.Verifying, At(y, 9, 2)), (CaseStatus.NotFiled, At(y, 9, 10)));
        var r5 = Case(y, "JB", 5, "report", "office-2", "drug", At(y - 1, 12, 20));
        Move(r5, (CaseStatus.Verifying, At(y - 1, 12, 21)), (CaseStatus.Filed, At(y, 1, 5)));

        db.Cases.AddRange(c1, c2, c3, c4, c5, r1, r2, r3, r4, r5);
        db.Deadlines.AddRange(
            Deadline(c1.Id, At(y, 3, 20), DeadlineState.Met),
            Deadline(c2.Id, At(y, 5, 10), DeadlineState.Breached),
            Deadline(c3.Id, At(y, 6, 10), DeadlineState.Met),
            Deadline(c4.Id, At(y, 12, 31, 23, 59), DeadlineState.Running),
            Deadline(c4.Id, At(y, 12, 30), DeadlineState.Suspended),
            Deadline(c5.Id, At(y, 13, 5), DeadlineState.Met));
        await db.SaveChangesAsync();
    }

    private static StoredCase Case(int year, string prefix, int n, string kind, string officeId, string category, DateTimeOffset receivedAt) => new()
    {
        Id = Guid.NewGuid(),
        Number = $"{prefix}{year}-S{n:00000}",
        Kind = kind,
        Channel = "hotline",
        ReceivedAt = receivedAt,
        OfficeId = officeId,
        ComplainantName = "测试人",
        ComplainantPhone = "13800138000",
        RespondentName = "测试商行",
        Category = category,
        Subject = "统计测试",
        Description = "统计测试用例",
        CreatedAt = receivedAt,
        CreatedBy = "test",
    };

    private static void Move(StoredCase storedCase, params (CaseStatus Status, DateTimeOffset At)[] steps)
    {
        foreach (var (status, at) in steps)
        {
            storedCase.ChangeStatus(status, at);
        }
    }

    private static StoredDeadline Deadline(Guid caseId, DateTimeOffset dueAt, DeadlineState state) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = caseId,
        TaskId = Guid.NewGuid(), // a step's deadline: the on-time rate looks at the steps that handle the item
        Name = "统计测试期限",
        Rule = "7wd",
        StartedAt = dueAt.AddDays(-10),
        DueAt = dueAt,
        State = state,
        CompletedAt = state is DeadlineState.Met or DeadlineState.Breached ? dueAt : null,
    };
}
