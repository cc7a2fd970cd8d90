using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Timer definitions: <c>timeDuration</c>, <c>timeDate</c> and (on boundary events) <c>timeCycle</c>.</summary>
internal sealed partial class ProcessReader
{
    /// <summary>More repetitions than this are almost certainly a typo; <c>R/...</c> says "until the task ends" explicitly.</summary>
    private const int MaxRepetitions = 1000;

    /// <summary>Reads a <c>bpmn:timerEventDefinition</c>; cycles only where <paramref name="allowCycle"/> (boundary events; a timer start event may allow them too).</summary>
    /// <param name="definition">The timer event definition.</param>
    /// <param name="element">The event, for messages.</param>
    /// <param name="id">The event's id, for errors.</param>
    /// <param name="allowCycle">True where a repeating timer means something.</param>
    private TimerDefinition? Timer(XElement definition, XElement element, string id, bool allowCycle = false)
    {
        var parts = definition.Elements().Where(e => e.Name.Namespace == BpmnNames.Bpmn).ToList();
        if (parts.Count != 1)
        {
            Error(id, $"The timer of {Describe(element)} must have exactly one of timeDuration, timeDate or timeCycle.",
                $"{DescribeZh(element)}的定时器必须恰好有 timeDuration、timeDate、timeCycle 之一。");
            return null;
        }

        var text = parts[0].Value.Trim();
        switch (parts[0].Name.LocalName)
        {
            case "timeDuration":
                if (BusinessDuration.TryParse(text, out var duration, out var error))
                {
                    return new TimerDefinition(duration, null, duration.ToString());
                }

                Error(id, $"The timer of {Describe(element)} is invalid: {error}", $"{DescribeZh(element)}的定时器无效：“{text}”不是期限。请写工作日如 7wd、自然日如 60d，或 ISO 8601 如 PT5S、P3D（不支持年和月）。");
                return null;
            case "timeDate":
                if (InstantForm().IsMatch(text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    return new TimerDefinition(null, at.ToUniversalTime(), text);
                }

                Error(id, $"The timer date of {Describe(element)} must be an ISO 8601 instant with a time zone, for example 2026-05-01T09:00:00+08:00.",
                    $"{DescribeZh(element)}的定时日期必须是带时区的 ISO 8601 时刻，例如 2026-05-01T09:00:00+08:00。");
                return null;
            case "timeCycle" when !allowCycle:
                Error(id, $"The timer of {Describe(element)} repeats (timeCycle), which only boundary events support. Use a duration (timeDuration).",
                    $"{DescribeZh(element)}的定时器是循环的（timeCycle），只有边界事件支持循环。请使用期限（timeDuration）。");
                return null;
            case "timeCycle":
                return Cycle(text, element, id);
            default:
                Error(id, $"The timer of {Describe(element)} contains '{parts[0].Name.LocalName}'; use timeDuration, timeDate or timeCycle.",
                    $"{DescribeZh(element)}的定时器包含“{parts[0].Name.LocalName}”；请使用 timeDuration、timeDate 或 timeCycle。");
                return null;
        }
    }

    /// <summary>Reads <c>R3/PT2S</c>, <c>R/P1D</c> (ISO 8601 repeating interval) and the business forms <c>R3/2wd</c>, <c>R2/5d</c>.</summary>
    private TimerDefinition? Cycle(string text, XElement element, string id)
    {
        var match = CycleForm().Match(text);
        var repetitions = (int?)null;
        if (match.Success && match.Groups["n"].Value.Length > 0)
        {
            repetitions = int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
        }

        if (!match.Success || repetitions is < 1 or > MaxRepetitions)
        {
            Error(id, $"The timer cycle '{text}' of {Describe(element)} is invalid: write R<count>/<interval> such as R3/PT2S, R2/5d or R3/2wd (count 1 to {MaxRepetitions}), or R/<interval> such as R/P1D to repeat until the task ends. Start and end instants are not supported.",
                $"{DescribeZh(element)}的循环定时“{text}”无效：请写成 R次数/间隔，如 R3/PT2S、R2/5d、R3/2wd（次数 1 到 {MaxRepetitions}），或 R/间隔（如 R/P1D）表示一直重复到任务结束。不支持起止时刻。");
            return null;
        }

        if (!BusinessDuration.TryParse(match.Groups["d"].Value, out var interval, out var error))
        {
            Error(id, $"The timer cycle '{text}' of {Describe(element)} has an invalid interval: {error}",
                $"{DescribeZh(element)}的循环定时“{text}”间隔无效：请写工作日如 1wd、自然日如 5d，或 ISO 8601 如 PT2S、P1D。");
            return null;
        }

        return new TimerDefinition(interval, null, text, IsCycle: true, Repetitions: repetitions);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantForm();

    [GeneratedRegex(@"^R(?<n>\d{0,6})/(?<d>[^/]+)$")]
    private static partial Regex CycleForm();
}
