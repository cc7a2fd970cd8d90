using System.Globalization;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.Workflows.Tests.Deadlines;

/// <summary>
/// The deadlines issue 16's audit found missing (rules.md §2 P2–P4, P9, P10, P12–P14; §1.1 C6): each is data in the
/// shipped rule sets with its legal basis, unit and start event, and is counted by the statutory rules.
/// </summary>
public sealed class MissingDeadlineRulesTests
{
    private static readonly IReadOnlyList<DeadlineRuleSet> Bundled = DeadlineRuleSetJson.LoadBundled();
    private readonly BusinessCalendar _calendar = new();

    [Theory]
    [InlineData("ppr.jurisdiction-negotiation", "2026-04-30", "2026-05-13")] // PPR Art. 13: 7 working days, 5/1-5/5 off
    [InlineData("ppr.jurisdiction-designation", "2026-05-13", "2026-05-22")] // PPR Art. 16: the superior's 7 working days
    [InlineData("complaint.jurisdiction-negotiation", "2026-09-24", "2026-10-12")] // O121 Art. 33, across Mid-Autumn and National Day; Sat 10-10 is worked
    [InlineData("ppr.evidence-preservation", "2026-04-30", "2026-05-13")] // PPR Art. 35
    [InlineData("ppr.seizure", "2026-09-04", "2026-10-08")] // PPR Art. 38: 30 days end on 10-04, a holiday
    [InlineData("ppr.payment", "2026-07-06", "2026-07-21")] // PPR Art. 72: 15 days from receipt of the decision
    [InlineData("ppr.cash-remittance", "2026-04-30", "2026-05-07")] // PPR Art. 73: 2 working days after Labour Day
    [InlineData("ppr.enforcement-reminder", "2026-08-03", "2026-08-17")] // PPR Art. 76: 10 working days
    [InlineData("ppr.court-application", "2026-08-17", "2026-11-17")] // then 3 months
    [InlineData("ppr.court-application", "2025-11-30", "2026-02-28")] // no 30 February: the month's last day, a worked Saturday
    [InlineData("ppr.publication-withdrawal", "2026-09-30", "2026-10-10")] // 3 working days across National Day, the last a worked Saturday
    [InlineData("ppr.limitation", "2024-03-10", "2026-03-10")] // APL Art. 36: two years
    [InlineData("ppr.limitation-serious", "2021-03-10", "2026-03-10")] // five years
    [InlineData("complaint.limitation", "2023-06-01", "2026-06-01")] // O121 Art. 16(4): three years
    public void NewRules_CountedFromTheirStartEvent(string code, string start, string expected)
    {
        var resolved = DeadlineRuleResolver.Resolve(Bundled, code, Day("2026-06-01"));

        Assert.NotNull(resolved);
        Assert.False(string.IsNullOrWhiteSpace(resolved.Rule.LegalBasis));
        Assert.Equal(Day(expected), _calendar.ToLocalDate(DeadlineArithmetic.ComputeDue(_calendar, resolved.Rule, Morning(Day(start)))));
    }

    [Theory]
    [InlineData("2026-07-20", "2026-07-09")] // hearing Mon: notice by Thu of the week before last
    [InlineData("2026-10-09", "2026-09-22")] // across Mid-Autumn and National Day
    public void HearingNotice_IsSevenWorkingDaysBeforeTheHearing(string hearing, string latestNotice)
    {
        var rule = DeadlineRuleResolver.Resolve(Bundled, "ppr.hearing-notice", Day("2026-06-01"))!.Rule;

        var due = _calendar.ToLocalDate(DeadlineArithmetic.ComputeDue(_calendar, rule, Morning(Day(hearing))));

        Assert.Equal(Day(latestNotice), due);
        Assert.Equal(Day(hearing), _calendar.AddWorkingDays(due, 7));
        Assert.True(_calendar.AddWorkingDays(due.AddDays(1), 7) > Day(hearing));
        Assert.Equal("-7wd", rule.Period);
    }

    [Fact]
    public void Seizure_ExtendedOnceByTheHead_AndStoppedForTesting()
    {
        var rule = DeadlineRuleResolver.Resolve(Bundled, "ppr.seizure", Day("2026-06-01"))!.Rule;

        Assert.Equal(new ExtensionPolicy { MaxExtensions = 1, Amount = 30, Approver = ExtensionApprover.OfficeHead }, rule.Extension);
        Assert.Equal([IntervalKind.Testing], rule.ExcludedIntervals);
        Assert.Equal("30d", rule.Period);
    }

    [Fact]
    public void DecisionPeriod_ExcludesIdentificationAndRefundTime()
    {
        var decision = DeadlineRuleResolver.Resolve(Bundled, "ppr.decision", Day("2026-06-01"))!.Rule;
        var verification = DeadlineRuleResolver.Resolve(Bundled, "ppr.verification", Day("2026-06-01"))!.Rule;

        Assert.Contains(IntervalKind.Identification, decision.ExcludedIntervals);
        Assert.Contains(IntervalKind.RefundOrder, decision.ExcludedIntervals);
        Assert.Contains(IntervalKind.Identification, verification.ExcludedIntervals);
    }

    [Theory]
    [InlineData("2026-02-12", "O20", "2026-03-11")] // received under Order 20: the PPR's 15 working days from receipt
    [InlineData("2026-04-15", "O121", "2026-05-09")]
    public void ReportVerification_HasARuleOnEachSideOfTheRepeal(string received, string ruleSet, string due)
    {
        var resolved = DeadlineRuleResolver.Resolve(Bundled, "report.verification", Day(received));

        Assert.NotNull(resolved);
        Assert.Equal(ruleSet, resolved.RuleSet.Id);
        Assert.True(resolved.Rule.CountsFromReceipt);
        Assert.Contains("行政处罚程序规定》第十八条", resolved.Rule.LegalBasis, StringComparison.Ordinal);
        Assert.Equal(Day(due), _calendar.ToLocalDate(DeadlineArithmetic.ComputeDue(_calendar, resolved.Rule, Morning(Day(received)))));
    }

    [Fact]
    public void Months_ExtendedAndTextAsIso()
    {
        var rule = DeadlineRuleResolver.Resolve(Bundled, "ppr.court-application", Day("2026-06-01"))!.Rule;

        Assert.Equal("P3M", rule.Period);
        Assert.Equal(_calendar.EndOfDay(Day("2026-08-31")), DeadlineArithmetic.MoveBy(_calendar, DeadlineUnit.Months, _calendar.EndOfDay(Day("2026-05-31")), 3));
        Assert.Throws<InvalidOperationException>(() => rule.Duration);
    }

    [Fact]
    public void Validator_RefusesAMonthPeriodBeyondTenYears()
    {
        var set = Bundled.Single(s => s.Id == "PPR");
        var bad = set with { Rules = [.. set.Rules.Select(r => r.Code == "ppr.limitation" ? r with { Amount = 200 } : r)] };

        var errors = DeadlineRuleSetValidator.Validate(bad, Bundled);

        var index = bad.Rules.ToList().FindIndex(r => r.Code == "ppr.limitation");
        Assert.Contains($"rules[{index}].amount", errors.Keys);
    }

    [Fact]
    public void Json_RoundTripsTheNewFields()
    {
        var set = Bundled.Single(s => s.Id == "PPR");

        var again = DeadlineRuleSetJson.Deserialize(DeadlineRuleSetJson.Serialize(set));

        Assert.True(again.Rules.Single(r => r.Code == "ppr.hearing-notice").CountsBack);
        Assert.Equal(DeadlineUnit.Months, again.Rules.Single(r => r.Code == "ppr.court-application").Unit);
        Assert.Contains(IntervalKind.RefundOrder, again.Rules.Single(r => r.Code == "ppr.decision").ExcludedIntervals);
    }

    private DateTimeOffset Morning(DateOnly day) => _calendar.EndOfDay(day).AddHours(-14);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
