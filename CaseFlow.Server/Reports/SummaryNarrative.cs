using System.Globalization;
using CaseFlow.Server.Letters;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The sentences a bureau's work report uses, with the figures filled in. Clauses whose figure is zero or undefined are
/// left out rather than written as "0件" or "办结率—%", because a report would not say them. Money is written in 万元
/// from 10,000 yuan up and in 元 below (199元, not 0.02万元).
/// </summary>
public static class SummaryNarrative
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Sentences(ReportSummary summary, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(period);
        var who = summary.OfficeName is null ? "" : summary.OfficeName;
        var sentences = new List<string> { Intake(summary, period, who) };
        if (summary.ResolvedBeforeDispatch > 0)
        {
            sentences.Add(string.Create(Invariant, $"其中分送前经经营者先行和解等前端化解{summary.ResolvedBeforeDispatch}件，占{Rate(summary.ResolvedBeforeDispatchRate ?? 0)}。"));
        }

        var quality = new List<string>();
        if (summary.OnTimeRate is { } onTime)
        {
            quality.Add(string.Create(Invariant, $"到期办理事项{summary.OnTime.Due}件，按期办结{summary.OnTime.Met}件，按期办结率{Rate(onTime)}"));
        }

        if (summary.MediationSuccessRate is { } mediated)
        {
            quality.Add(string.Create(Invariant, $"组织调解{summary.Mediation.Concluded}件，调解成功{summary.Mediation.Succeeded}件，调解成功率{Rate(mediated)}"));
        }

        if (summary.SatisfactionRate is { } satisfied)
        {
            quality.Add(string.Create(Invariant, $"回访{summary.Satisfaction.Rated}件，满意率{Rate(satisfied)}"));
        }

        if (quality.Count > 0)
        {
            sentences.Add(string.Join("；", quality) + "。");
        }

        var enforcement = new List<string>();
        if (summary.CasesOpened > 0)
        {
            enforcement.Add(string.Create(Invariant, $"立案查处各类违法案件{summary.CasesOpened}件"));
        }

        if (summary.SimpleProcedureCases > 0)
        {
            enforcement.Add(string.Create(Invariant, $"适用简易程序当场作出行政处罚决定{summary.SimpleProcedureCases}件"));
        }

        if (summary.FinesAndConfiscations > 0)
        {
            enforcement.Add($"罚没款{Money(summary.FinesAndConfiscations)}");
        }

        if (enforcement.Count > 0)
        {
            sentences.Add(string.Join("，", enforcement) + "。");
        }

        if (summary.TransferredToPolice > 0)
        {
            var parts = string.Join("，", summary.TransfersByCategory.Select(c => string.Create(Invariant, $"{c.Name}{c.Count}件")));
            sentences.Add(string.Create(Invariant, $"共向公安机关移送涉刑违法案件{summary.TransferredToPolice}件（其中{parts}）。"));
        }

        return sentences;
    }

    /// <summary>A rate as reports write it: one decimal and a percent sign (83.3%).</summary>
    public static string Rate(decimal percent) => percent.ToString("0.0", Invariant) + "%";

    /// <summary>万元 with at most two decimals and no trailing zeros (1.2, 3, 0.02).</summary>
    public static string Wan(decimal wan) => wan.ToString("0.##", Invariant);

    /// <summary>An amount as reports write it: 万元 from 10,000 yuan up (1.56万元), yuan below (199元, 0.5元).</summary>
    public static string Money(decimal yuan) =>
        yuan >= 10_000m ? Wan(ReportSummaryBuilder.Wan(yuan)) + "万元" : yuan.ToString("0.##", Invariant) + "元";

    private static string Intake(ReportSummary summary, ReportPeriod period, string who)
    {
        var text = $"{ChineseDates.Format(period.From)}至{ChineseDates.Format(period.To)}，{who}共受理各类投诉举报{summary.Received}件";
        summary.ReceivedByKind.TryGetValue("complaint", out var complaints);
        summary.ReceivedByKind.TryGetValue("report", out var reports);
        if (complaints > 0 && reports > 0)
        {
            text += string.Create(Invariant, $"（其中投诉{complaints}件，举报{reports}件）");
        }

        if (summary.Received > 0)
        {
            text += string.Create(Invariant, $"，办结{summary.Closed}件，办结率{Rate(summary.ClosureRate ?? 0)}");
        }

        if (summary.InProgress > 0)
        {
            text += string.Create(Invariant, $"，其它{summary.InProgress}件正在办理");
        }

        if (summary.MoneyRecovered > 0)
        {
            text += $"，为消费者挽回经济损失{Money(summary.MoneyRecovered)}";
        }

        return text + "。";
    }
}
