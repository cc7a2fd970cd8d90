namespace CaseFlow.Workflows.Cases;

/// <summary>
/// The materials Order 310 Art. 6 requires with a transfer to the police (rules.md §3). Handlers tag each uploaded
/// case document with one of these codes; sealing the transfer package checks them.
/// </summary>
public static class TransferItems
{
    /// <summary>(一) 涉嫌犯罪案件移送书.</summary>
    public const string TransferLetter = "transfer-letter";

    /// <summary>(二) 涉嫌犯罪案件情况的调查报告.</summary>
    public const string InvestigationReport = "investigation-report";

    /// <summary>(三) 涉案物品清单.</summary>
    public const string GoodsList = "goods-list";

    /// <summary>(四) 有关检验报告或者鉴定结论.</summary>
    public const string TestReport = "test-report";

    /// <summary>(五) 其他有关涉嫌犯罪的材料: a catch-all that may be empty, so not required by default.</summary>
    public const string OtherMaterial = "other-material";

    /// <summary>Every code in the order of Art. 6, with its Chinese name as the article words it.</summary>
    public static IReadOnlyList<(string Code, string NameZh)> All { get; } =
    [
        (TransferLetter, "涉嫌犯罪案件移送书"),
        (InvestigationReport, "涉嫌犯罪案件情况的调查报告"),
        (GoodsList, "涉案物品清单"),
        (TestReport, "有关检验报告或者鉴定结论"),
        (OtherMaterial, "其他有关涉嫌犯罪的材料"),
    ];

    /// <summary>What a package must contain unless the process says otherwise: items (一) to (四).</summary>
    public static IReadOnlyList<string> RequiredByDefault { get; } = [TransferLetter, InvestigationReport, GoodsList, TestReport];

    /// <summary>True for a known code (exact, lower case).</summary>
    public static bool IsKnown(string? code) => All.Any(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    /// <summary>The Chinese name of <paramref name="code"/>, or the code itself when unknown.</summary>
    public static string NameZh(string code) => All.FirstOrDefault(i => i.Code == code).NameZh ?? code;
}
