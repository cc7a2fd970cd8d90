namespace CaseFlow.Server.Reports;

/// <summary>The summary as rows (Chinese label, English label, value) shared by the CSV and XLSX exports.</summary>
public static class SummaryTable
{
    /// <summary>A row; <see cref="Number"/> is set for figures (a spreadsheet keeps them numeric), <see cref="Text"/> otherwise.</summary>
    public sealed record Row(string LabelZh, string LabelEn, decimal? Number, string? Text, string? Format = null)
    {
        public string Display => Number is { } n ? n.ToString(Format, System.Globalization.CultureInfo.InvariantCulture) : Text ?? "";
    }

    public static IReadOnlyList<Row> Rows(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = new List<Row>
        {
            new("起始日期", "From", null, summary.From),
            new("截止日期", "To", null, summary.To),
            new("单位", "Office", null, summary.OfficeName ?? "全部"),
            new("受理投诉举报", "Received", summary.Received, null),
            new("其中：投诉", "of which complaints", summary.ReceivedByKind.GetValueOrDefault("complaint"), null),
            new("其中：举报", "of which reports", summary.ReceivedByKind.GetValueOrDefault("report"), null),
            new("受理投诉", "Complaints accepted", summary.Accepted, null),
            new("办结", "Closed", summary.Closed, null),
            new("办结率（%）", "Closure rate (%)", summary.ClosureRate, summary.ClosureRate is null ? "—" : null, "0.0"),
            new("正在办理", "In progress", summary.InProgress, null),
            new("前端化解", "Resolved before dispatch", summary.ResolvedBeforeDispatch, null),
            new("前端化解率（%）", "Resolved before dispatch (%)", summary.ResolvedBeforeDispatchRate, summary.ResolvedBeforeDispatchRate is null ? "—" : null, "0.0"),
            new("到期办理事项", "Items due", summary.OnTime.Due, null),
            new("按期办结", "Handled on time", summary.OnTime.Met, null),
            new("按期办结率（%）", "On-time rate (%)", summary.OnTimeRate, summary.OnTimeRate is null ? "—" : null, "0.0"),
            new("组织调解", "Mediations concluded", summary.Mediation.Concluded, null),
            new("调解成功", "Mediations with agreement", summary.Mediation.Succeeded, null),
            new("调解成功率（%）", "Mediation success rate (%)", summary.MediationSuccessRate, summary.MediationSuccessRate is null ? "—" : null, "0.0"),
            new("回访评价", "Rated return visits", summary.Satisfaction.Rated, null),
            new("非常满意", "Very satisfied", summary.Satisfaction.VerySatisfied, null),
            new("满意", "Satisfied", summary.Satisfaction.Satisfied, null),
            new("一般", "Neutral", summary.Satisfaction.Neutral, null),
            new("不满意", "Dissatisfied", summary.Satisfaction.Dissatisfied, null),
            new("满意率（%）", "Satisfaction rate (%)", summary.SatisfactionRate, summary.SatisfactionRate is null ? "—" : null, "0.0"),
            new("挽回经济损失（元）", "Money recovered (yuan)", summary.MoneyRecovered, null, "0.00"),
            new("挽回经济损失（万元）", "Money recovered (10,000 yuan)", summary.MoneyRecoveredWan, null, "0.00"),
            new("立案", "Cases opened", summary.CasesOpened, null),
            new("简易程序", "Simple-procedure decisions", summary.SimpleProcedureCases, null),
            new("罚款（元）", "Fines (yuan)", summary.Penalties.Fines, null, "0.00"),
            new("没收（元）", "Confiscations (yuan)", summary.Penalties.Confiscations, null, "0.00"),
            new("罚没款（元）", "Fines and confiscations (yuan)", summary.FinesAndConfiscations, null, "0.00"),
            new("罚没款（万元）", "Fines and confiscations (10,000 yuan)", summary.FinesAndConfiscationsWan, null, "0.00"),
            new("移送公安机关", "Transferred to the police", summary.TransferredToPolice, null),
        };
        rows.AddRange(summary.TransfersByCategory.Select(c => new Row($"其中：{c.Name}", $"of which {c.Category}", c.Count, null)));
        rows.Add(new Row("综述", "Narrative", null, summary.Narrative));
        return rows;
    }
}
