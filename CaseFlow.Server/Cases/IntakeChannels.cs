namespace CaseFlow.Server.Cases;

/// <summary>
/// How a matter reached the authority: the channels of O121 Art. 8 for complaints and reports, and the other sources of
/// clues PPR Art. 18 names (inspections including 双随机一公开 results, sampling, transfers from other agencies,
/// assignments by superiors), each with the Chinese name a person reads.
/// </summary>
public static class IntakeChannels
{
    public const string Hotline = "hotline";
    public const string Platform = "platform";
    public const string Letter = "letter";
    public const string Visit = "visit";
    public const string Transfer = "transfer";
    public const string Assigned = "assigned";
    public const string Inspection = "inspection";
    public const string Sampling = "sampling";

    /// <summary>Every channel, statutory ones first.</summary>
    public static readonly IReadOnlyList<string> All = [Hotline, Platform, Letter, Visit, Transfer, Assigned, Inspection, Sampling];

    /// <summary>The channel's name in Chinese, for timelines and letters.</summary>
    public static string NameZh(string channel) => channel switch
    {
        Hotline => "12315热线",
        Platform => "全国12315平台",
        Letter => "信函",
        Visit => "来访（窗口）",
        Transfer => "其他机关移送",
        Assigned => "上级交办",
        Inspection => "监督检查发现（含双随机一公开）",
        Sampling => "抽检监测发现",
        _ => channel,
    };

    /// <summary>Channels that bring a clue found by an authority, never a consumer's complaint.</summary>
    public static bool IsClueOnly(string? channel) => channel is Inspection or Sampling;

    /// <summary>
    /// Channels whose source is an organisation and a paper rather than a person: the transfer or assignment letter
    /// (移送函、交办函) or the inspection record or sampling report. Its number is what the file must carry.
    /// </summary>
    public static bool CarriesSourceDocument(string? channel) => channel is Transfer or Assigned or Inspection or Sampling;

    /// <summary>What the source document is called for <paramref name="channel"/>, in Chinese.</summary>
    public static string SourceDocumentZh(string channel) => channel switch
    {
        Transfer => "移送机关名称及移送函文号",
        Assigned => "交办机关名称及交办文号",
        Inspection => "检查任务（含双随机一公开抽查任务）名称及检查记录编号",
        Sampling => "抽检任务名称及检验报告编号",
        _ => "来源文书",
    };
}
