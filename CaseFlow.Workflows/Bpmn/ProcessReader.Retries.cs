using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>The retry budget a service task may set over its activity's (<c>caseflow:retries</c>, <c>caseflow:retryBackoff</c>).</summary>
internal sealed partial class ProcessReader
{
    /// <summary>More retries than this only postpone the incident an operator must look at anyway.</summary>
    private const int MaxRetries = 20;

    /// <summary>A longer first wait would leave a case idle for days without anyone noticing.</summary>
    private static readonly TimeSpan MaxRetryBackoff = TimeSpan.FromDays(1);

    private int? ReadRetries(XElement element, string id)
    {
        var text = (string?)element.Attribute(BpmnNames.CaseFlow + "retries");
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var retries) || retries > MaxRetries)
        {
            Error(id, $"caseflow:retries of {Describe(element)} is '{text}'; give a whole number from 0 to {MaxRetries} (runs after the first failure).");
            return null;
        }

        return retries;
    }

    private TimeSpan? ReadRetryBackoff(XElement element, string id)
    {
        var text = (string?)element.Attribute(BpmnNames.CaseFlow + "retryBackoff");
        if (text is null)
        {
            return null;
        }

        TimeSpan backoff;
        try
        {
            backoff = XmlConvert.ToTimeSpan(text.Trim());
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            backoff = TimeSpan.MinValue;
        }

        if (backoff <= TimeSpan.Zero || backoff > MaxRetryBackoff)
        {
            Error(id, $"caseflow:retryBackoff of {Describe(element)} is '{text}'; give an ISO 8601 duration greater than zero and at most one day, e.g. PT10S or PT5M.");
            return null;
        }

        return backoff;
    }
}
