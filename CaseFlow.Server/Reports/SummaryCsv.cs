using System.Text;

namespace CaseFlow.Server.Reports;

/// <summary>The summary as CSV (RFC 4180) in UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly.</summary>
public static class SummaryCsv
{
    public static byte[] Write(ReportSummary summary)
    {
        var text = new StringBuilder();
        text.Append("指标,Indicator,数值\r\n");
        foreach (var row in SummaryTable.Rows(summary))
        {
            text.Append(Quote(row.LabelZh)).Append(',').Append(Quote(row.LabelEn)).Append(',').Append(Quote(row.Display)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value)
    {
        value = Neutralise(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// A cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is a formula to a spreadsheet
    /// (CSV injection, e.g. a category named <c>=HYPERLINK(...)</c>): it gets a leading apostrophe. Plain numbers stay.
    /// </summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return value;
        }

        return decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _) ? value : "'" + value;
    }
}
