using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Chinese wording for validation messages: the people who draw the processes read Chinese first.</summary>
internal sealed partial class ProcessReader
{
    private static readonly Dictionary<string, string> HintsZh = new(StringComparer.Ordinal)
    {
        ["scriptTask"] = "不允许使用脚本；请使用绑定 CaseFlow 活动的服务任务。",
        ["sendTask"] = "请使用带 SendEmail 活动的服务任务。",
        ["receiveTask"] = "请使用中间消息捕获事件。",
        ["businessRuleTask"] = "请使用带条件的排他网关。",
        ["adHocSubProcess"] = "不支持自由子流程（步骤可按任意顺序完成）；请使用嵌入式子流程（bpmn:subProcess），可同时进行的步骤用并行网关连接。",
        ["transaction"] = "不支持事务子流程；请在主流程中画出各步骤。",
        ["complexGateway"] = "请使用排他网关（一条路径）、并行网关（全部路径）或包容网关（满足条件的路径）。",
        ["intermediateThrowEvent"] = "暂不支持抛出事件；请用服务任务通知相关人员。",
    };

    private static string FriendlyZh(string local) => local switch
    {
        "startEvent" => "开始事件",
        "endEvent" => "结束事件",
        "userTask" => "用户任务",
        "manualTask" => "手工任务",
        "task" => "任务",
        "serviceTask" => "服务任务",
        "exclusiveGateway" => "排他网关",
        "parallelGateway" => "并行网关",
        "inclusiveGateway" => "包容网关",
        "eventBasedGateway" => "事件网关",
        "intermediateCatchEvent" => "中间捕获事件",
        "boundaryEvent" => "边界事件",
        "sequenceFlow" => "顺序流",
        "subProcess" => "子流程",
        "callActivity" => "调用活动",
        _ => local,
    };

    /// <summary>For example 用户任务“受理”(task1).</summary>
    private static string DescribeZh(XElement element)
    {
        var kind = FriendlyZh(element.Name.LocalName);
        return Name(element) is { } name ? $"{kind}“{name}”({BpmnNames.Id(element)})" : $"{kind}“{BpmnNames.Id(element)}”";
    }

    private static string WhatZh(string what) => what switch
    {
        "candidate groups" => "候选组",
        "assignee" => "办理人",
        "correlation key" => "关联键",
        _ => what,
    };
}
