using System.Text.Json.Nodes;
using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>
/// Records how a transfer to the police ended: sets variable <c>policeDecision</c> (<c>accepted</c>,
/// <c>declined-upheld</c>, <c>not-approved</c>) for the calling process and adds a timeline entry: <c>PoliceDecisionRecorded</c>
/// for the police's answer, <c>TransferNotApproved</c> for the chief's refusal.
/// </summary>
[Activity("Case", "记录移送结果", "Records how the transfer to the police ended in variable policeDecision (accepted, declined-upheld, not-approved) and on the case timeline.",
    DisplayNameEn = "Record police decision", DescriptionZh = "记录移送公安机关的结果（变量 policeDecision：accepted、declined-upheld、not-approved）并写入案件时间线。")]
public sealed class RecordPoliceDecision : IActivity
{
    /// <summary>The variable the calling process reads.</summary>
    public const string DecisionVariable = "policeDecision";

    [ActivityInput("How the transfer ended.", Required = true, DisplayNameZh = "结果")]
    public PoliceDecision Decision { get; set; }

    [ActivityInput("The reason given (the police's or the chief's), for the timeline.", DisplayNameZh = "理由")]
    public string? Reason { get; set; }

    /// <summary>The variable value of <paramref name="decision"/>.</summary>
    public static string Code(PoliceDecision decision) => decision switch
    {
        PoliceDecision.Accepted => "accepted",
        PoliceDecision.DeclinedUpheld => "declined-upheld",
        _ => "not-approved",
    };

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = Decision switch
        {
            PoliceDecision.Accepted => "公安机关决定立案，案件已移送",
            PoliceDecision.DeclinedUpheld => "公安机关不予立案（复议未改变），依《行政执法机关移送涉嫌犯罪案件的规定》第十条由本机关依法处理",
            _ => "本机关正职负责人不批准移送（非公安机关决定），不予批准的理由已记录在案（第五条第二款）",
        };
        context.SetVariable(DecisionVariable, JsonValue.Create(Code(Decision)));
        // The chief's refusal is this authority's decision, not the police's: a timeline event of its own tells them apart.
        var @event = Decision == PoliceDecision.NotApproved ? "TransferNotApproved" : "PoliceDecisionRecorded";
        context.AddEffect(new CaseTimelineEffect(context.ElementId, @event, string.IsNullOrWhiteSpace(Reason) ? text : $"{text}。理由：{Reason.Trim()}"));
    }
}
