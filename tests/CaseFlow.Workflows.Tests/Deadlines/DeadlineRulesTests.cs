using System.Globalization;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.Workflows.Tests.Deadlines;

/// <summary>The shipped rule sets, the resolver by receipt date, and the worked examples of rules.md §5.2 counted through rules.</summary>
public sealed class DeadlineRulesTests
{
    private static readonly IReadOnlyList<DeadlineRuleSet> Bundled = DeadlineRuleSetJson.LoadBundled();
    private readonly BusinessCalendar _calendar = new();

    [Fact]
    public void Bundled_HasTheFourRuleSets_EachValid()
    {
        Assert.Equal(["O121", "O20", "O310", "PPR"], Bundled.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(Bundled, s => Assert.Empty(DeadlineRuleSetValidator.Validate(s, Bundled)));
        Assert.Equal(new DateOnly(2026, 4, 14), Bundled.Single(s => s.Id == "O20").EffectiveTo);
        Assert.Equal(new DateOnly(2026, 4, 15), Bundled.Single(s => s.Id == "O121").EffectiveFrom);
    }

    [Theory]
    [InlineData("complaint.acceptance", "2026-04-30", "2026-05-13")] // O121 Art. 15, 5/1-5/5 off, Sat 5/9 worked
    [InlineData("complaint.acceptance", "2025-09-26", "2025-10-13")] // O20 Art. 14 (received before O121)
    [InlineData("ppr.verification", "2026-02-12", "2026-03-11")]     // PPR Art. 18, across the Spring Festival
    [InlineData("complaint.mediation", "2026-04-15", "2026-06-15")]  // O121 Art. 23: 60 days land on Sun, rolled
    [InlineData("ppr.decision", "2026-07-03", "2026-10-08")]         // PPR Art. 64: 90 days land on National Day
    public void WorkedExamples_CountedThroughRules(string code, string start, string expected)
    {
        var day = Day(start);
        var resolved = DeadlineRuleResolver.Resolve(Bundled, code, day);

        Assert.NotNull(resolved);
        var due = DeadlineArithmetic.ComputeDue(_calendar, resolved.Rule, Morning(day));
        Assert.Equal(Day(expected), _calendar.ToLocalDate(due));
    }

    [Theory]
    [InlineData("2026-04-10", "O20", "45wd")]
    [InlineData("2026-04-14", "O20", "45wd")]
    [InlineData("2026-04-15", "O121", "60d")]
    [InlineData("2026-04-20", "O121", "60d")]
    public void Resolver_PicksTheRuleInForceOnReceipt(string received, string ruleSet, string duration)
    {
        var resolved = DeadlineRuleResolver.Resolve(Bundled, "complaint.mediation", Day(received));

        Assert.NotNull(resolved);
        Assert.Equal(ruleSet, resolved.RuleSet.Id);
        Assert.Equal(duration, resolved.Rule.Duration.ToString());
    }

    [Fact]
    public void Resolver_ReturnsNull_WhenNoSetInForceHasTheCode()
    {
        Assert.Null(DeadlineRuleResolver.Resolve(Bundled, "complaint.acceptance", Day("2019-06-01")));
        Assert.Null(DeadlineRuleResolver.Resolve(Bundled, "no.such-rule", Day("2026-06-01")));
    }

    [Fact]
    public void O121Acceptance_CarriesLegalBasisAndCountsFromReceipt()
    {
        var rule = DeadlineRuleResolver.Resolve(Bundled, "complaint.acceptance", Day("2026-06-01"))!.Rule;

        Assert.Equal("《市场监督管理投诉举报处理办法》第十五条", rule.LegalBasis);
        Assert.True(rule.CountsFromReceipt);
        Assert.Equal(DeadlineUnit.WorkingDays, rule.Unit);
    }

    [Fact]
    public void O310Handover_IsTwentyFourElapsedHours()
    {
        var rule = DeadlineRuleResolver.Resolve(Bundled, "o310.handover", Day("2026-10-01"))!.Rule;
        var start = Morning(Day("2026-10-01"));

        Assert.Equal(start.AddHours(24), DeadlineArithmetic.ComputeDue(_calendar, rule, start));
    }

    [Fact]
    public void PprDecisionPolicy_FirstByHead_FurtherOnlyByCollectiveDecision()
    {
        var policy = DeadlineRuleResolver.Resolve(Bundled, "ppr.decision", Day("2026-07-03"))!.Rule.Extension!;

        Assert.Equal(ExtensionApprover.OfficeHead, policy.ApproverFor(1));
        Assert.Equal(ExtensionApprover.CollectiveDecision, policy.ApproverFor(2));
        Assert.Equal(ExtensionApprover.CollectiveDecision, policy.ApproverFor(3));
        Assert.Equal(30, policy.Amount);
    }

    [Fact]
    public void AfterSuspension_ThreeWorkingDays_MovesDueByThreeWorkingDays()
    {
        // Suspended Mon 2026-12-07, resumed Thu 12-10: Tue, Wed, Thu are stopped.
        var due = _calendar.EndOfDay(Day("2026-12-28"));

        var moved = DeadlineArithmetic.AfterSuspension(_calendar, DeadlineUnit.WorkingDays, due, Morning(Day("2026-12-07")), Morning(Day("2026-12-10")));

        Assert.Equal(_calendar.EndOfDay(Day("2026-12-31")), moved);
    }

    [Fact]
    public void AfterSuspension_AcrossHoliday_CountsOnlyWorkingDays()
    {
        // Suspended Thu 2026-04-30, resumed Wed 05-06: only Wed 05-06 is a working day in between (5/1-5/5 off).
        var due = _calendar.EndOfDay(Day("2026-05-13"));

        var moved = DeadlineArithmetic.AfterSuspension(_calendar, DeadlineUnit.WorkingDays, due, Morning(Day("2026-04-30")), Morning(Day("2026-05-06")));

        Assert.Equal(_calendar.EndOfDay(Day("2026-05-14")), moved);
    }

    [Fact]
    public void AfterSuspension_CalendarDays_MovesBySpanAndRollsOffHoliday()
    {
        // 60-day mediation due Mon 2026-09-21; 8 days of testing move it to Tue 09-29.
        var due = _calendar.EndOfDay(Day("2026-09-21"));

        var moved = DeadlineArithmetic.AfterSuspension(_calendar, DeadlineUnit.CalendarDays, due, Morning(Day("2026-08-01")), Morning(Day("2026-08-09")));

        Assert.Equal(_calendar.EndOfDay(Day("2026-09-29")), moved);
    }

    [Fact]
    public void MoveBy_ExtendsWorkingDayPeriodAcrossHoliday()
    {
        var due = _calendar.EndOfDay(Day("2026-04-30"));

        Assert.Equal(_calendar.EndOfDay(Day("2026-05-13")), DeadlineArithmetic.MoveBy(_calendar, DeadlineUnit.WorkingDays, due, 7));
    }

    private DateTimeOffset Morning(DateOnly day) => _calendar.EndOfDay(day).AddHours(-14);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
