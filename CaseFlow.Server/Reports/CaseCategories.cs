namespace CaseFlow.Server.Reports;

/// <summary>Case category codes and the Chinese names reports use; a category entered as free text is shown as written.</summary>
public static class CaseCategories
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["food"] = "食品",
        ["drug"] = "药品",
        ["medical-device"] = "医疗器械",
        ["cosmetics"] = "化妆品",
        ["special-equipment"] = "特种设备",
        ["product-quality"] = "产品质量",
        ["industrial-product"] = "工业产品",
        ["intellectual-property"] = "知识产权",
        ["trademark"] = "商标",
        ["patent"] = "专利",
        ["price"] = "价格",
        ["advertising"] = "广告",
        ["unfair-competition"] = "不正当竞争",
        ["pyramid-selling"] = "传销",
        ["measurement"] = "计量",
        ["standards"] = "标准",
        ["certification"] = "认证认可",
        ["registration"] = "登记注册",
        ["online-trading"] = "网络交易",
        ["consumer-rights"] = "消费者权益",
        ["other"] = "其他",
    };

    /// <summary>The Chinese name of <paramref name="category"/>, or the category itself when it is not a known code.</summary>
    public static string NameOf(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return Names.TryGetValue(category.Trim(), out var name) ? name : category.Trim();
    }

    /// <summary>Position in the order reports list categories (food and drug first, as bureau reports do); unknown last.</summary>
    public static int OrderOf(string category)
    {
        var index = Names.Keys.ToList().FindIndex(k => string.Equals(k, category.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
