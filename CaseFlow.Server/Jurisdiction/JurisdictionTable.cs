using System.Runtime.CompilerServices;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Jurisdiction;

/// <summary>
/// Suggests the supervision office with jurisdiction from a district → office table (O121 Art. 13-14): the
/// respondent's own address decides; for a seller on an online platform without a matching address of its own, the
/// platform operator's address decides. Administered rows win; without any, the configured <c>CaseFlow:Jurisdictions</c> apply.
/// </summary>
public sealed class JurisdictionTable(CaseFlowDbContext db, IConfiguration configuration)
{
    public const string ConfigurationSection = "CaseFlow:Jurisdictions";

    /// <summary>The table in force: the administered rows, or the configured ones when none were administered.</summary>
    public async Task<(IReadOnlyList<JurisdictionEntry> Entries, string Source)> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.District).ToListAsync(cancellationToken);
        if (stored.Count > 0)
        {
            return (stored.Select(j => new JurisdictionEntry { District = j.District, OfficeId = j.OfficeId }).ToList(), "administered");
        }

        return (Configured.GetValue(configuration, ReadConfigured), "configured");
    }

    // Settings are read once at start (the server does not watch its settings files), so the configured table is bound
    // once per configuration instead of by reflection on every intake.
    private static readonly ConditionalWeakTable<IConfiguration, IReadOnlyList<JurisdictionEntry>> Configured = [];

    private static IReadOnlyList<JurisdictionEntry> ReadConfigured(IConfiguration configuration)
    {
        var configured = configuration.GetSection(ConfigurationSection).Get<List<JurisdictionEntry>>() ?? [];
        return configured.Where(e => !string.IsNullOrWhiteSpace(e.District) && !string.IsNullOrWhiteSpace(e.OfficeId)).ToList();
    }

    /// <summary>The suggested office, or null when neither address names a district in the table.</summary>
    public async Task<JurisdictionSuggestion?> SuggestAsync(string? respondentAddress, string? platformAddress, CancellationToken cancellationToken)
    {
        var (entries, _) = await GetAsync(cancellationToken);
        if (Match(entries, respondentAddress) is { } own)
        {
            return new JurisdictionSuggestion(own.OfficeId!, own.District!, $"被投诉（举报）人地址位于{own.District}（第十三条、第十四条）");
        }

        return Match(entries, platformAddress) is { } platform
            ? new JurisdictionSuggestion(platform.OfficeId!, platform.District!, $"平台内经营者未显示可匹配的地址，由平台经营者住所地{platform.District}管辖（第十四条）")
            : null;
    }

    /// <summary>The longest district named in the address, so 城关区新区 wins over 城关区.</summary>
    private static JurisdictionEntry? Match(IEnumerable<JurisdictionEntry> entries, string? address) =>
        string.IsNullOrWhiteSpace(address)
            ? null
            : entries.Where(e => address.Contains(e.District!, StringComparison.Ordinal)).OrderByDescending(e => e.District!.Length).FirstOrDefault();
}
