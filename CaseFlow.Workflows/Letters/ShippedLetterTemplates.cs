namespace CaseFlow.Workflows.Letters;

/// <summary>
/// The letters and emails shipped with CaseFlow (text files embedded in this assembly, first line the subject, then
/// <c>---</c>, then the body). The server stores them as version 1 at first start; legal officers edit them afterwards.
/// </summary>
public static class ShippedLetterTemplates
{
    private const string Prefix = "CaseFlow.Letters.";

    /// <summary>Fields every case letter can use; the server fills them from the case (the rules' name and articles from those in force on its receipt date).</summary>
    public static IReadOnlyList<string> CaseFields { get; } =
        ["caseNumber", "complainantName", "subject", "respondentName", "receivedAt", "dueAt", "officeName", "category", "today", "complaintRules", "refusalArticle", "materialsArticle", "mediationPeriod", "terminationArticle"];

    private static readonly (string Code, string Name, string[] ExtraFields)[] Declared =
    [
        ("acknowledgement", "受理前登记回执", []),
        ("acceptance", "受理告知", []),
        ("refusal", "不予受理告知", ["reason", "refusalGroundText"]),
        ("correction-request", "补正材料通知", ["correctionItems"]),
        ("termination-notice", "终止调解告知", ["reason"]),
        ("police-transfer-letter", "涉嫌犯罪案件移送书", ["policeName", "reason"]),
        ("escalation", "督办通知", ["deadlineName", "legalBasis", "assignee", "supervisorName"]),
        ("deadline-warning", "临期提醒", ["deadlineName", "legalBasis", "assignee"]),
    ];

    /// <summary>The codes processes may name in <c>SendEmail</c>'s <c>template</c> input.</summary>
    public static IReadOnlyList<string> Codes { get; } = Declared.Select(d => d.Code).ToList();

    /// <summary>Every shipped template, in the order above.</summary>
    /// <exception cref="InvalidOperationException">A resource is missing or malformed (a build error, not a user error).</exception>
    public static IReadOnlyList<LetterTemplate> All() =>
        Declared.Select(d => Load(d.Code, d.Name, [.. CaseFields, .. d.ExtraFields])).ToList();

    private static LetterTemplate Load(string code, string name, IReadOnlyList<string> fields)
    {
        var assembly = typeof(ShippedLetterTemplates).Assembly;
        var resource = Prefix + code + ".txt";
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"Missing resource {resource}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var separator = text.IndexOf("\n---\n", StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new InvalidOperationException($"{resource} must have the subject on its first line, then a line '---', then the body.");
        }

        return new LetterTemplate(code, name, text[..separator].Trim(), text[(separator + 5)..].TrimEnd() + "\n", fields);
    }
}
