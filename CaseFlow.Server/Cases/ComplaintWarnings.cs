using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Computes the Art. 17 warning signs for a complaint from the other complaints received around it (O121 Art. 17;
/// rules.md §1.2: "raise as a warning only; a person decides"). Nothing here changes a case or a task.
/// </summary>
/// <remarks>
/// Demanding punitive damages is not a sign: Consumer Law Art. 55 gives consumers that right, and Art. 17 does not list
/// it, so a claim for 退一赔三 or ten times the price raises nothing by itself.
/// </remarks>
public sealed class ComplaintWarnings(CaseFlowDbContext db, IOptionsMonitor<WarningOptions> options, Security.PersonalDataProtector protector)
{
    /// <summary>
    /// The warnings on <paramref name="c"/>. With <paramref name="visibleIds"/> (the viewer's cases), the numbers of
    /// cases the viewer cannot see are left out of <see cref="CaseWarning.RelatedCases"/>: the counts stay (they inform
    /// the decision), another office's case numbers do not leak.
    /// </summary>
    public async Task<IReadOnlyList<CaseWarning>> ForAsync(StoredCase c, CancellationToken cancellationToken, IQueryable<Guid>? visibleIds = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Kind != "complaint")
        {
            return [];
        }

        var o = options.CurrentValue;
        var article = MissingMaterials.RulesFor(c).ProfessionalClaimantsArticle ?? "供参考";
        var from = c.ReceivedAt > PlausibleDates.Earliest ? c.ReceivedAt.AddDays(-o.WindowDays) : DateTimeOffset.MinValue; // a row stored before dates were bounded still shows
        var others = db.Cases.AsNoTracking().Where(x => x.Id != c.Id && x.Kind == "complaint" && x.ReceivedAt >= from && x.ReceivedAt <= c.ReceivedAt);
        var warnings = new List<CaseWarning>();

        // An empty phone number is "not given", not a number shared with every other complaint that gave none. Phones and
        // addresses are encrypted, so they are matched by keyed hash and the names compared once decrypted.
        var phoneHash = protector.PhoneHash(c.ComplainantPhone);
        var samePhone = phoneHash is null
            ? []
            : await others.Where(x => x.ComplainantPhoneHash == phoneHash)
                .Select(x => new { x.Number, x.ComplainantName }).ToListAsync(cancellationToken);
        if (samePhone.Count + 1 >= o.FrequentComplaints)
        {
            warnings.Add(new CaseWarning("frequent-complainant", $"短时间内多次投诉（{article}）",
                $"The same phone number filed {samePhone.Count + 1} complaints within {o.WindowDays} days.",
                $"同一联系电话在 {o.WindowDays} 日内提出 {samePhone.Count + 1} 件投诉。",
                samePhone.Select(x => x.Number).ToList()));
        }

        var addressHash = protector.AddressHash(c.ComplainantAddress);
        var sharedAddress = addressHash is null
            ? []
            : (await others.Where(x => x.ComplainantAddressHash == addressHash)
                .Select(x => new { x.Number, x.ComplainantName }).ToListAsync(cancellationToken))
                .Where(x => x.ComplainantName != c.ComplainantName).Select(x => x.Number).ToList();
        var shared = samePhone.Where(x => x.ComplainantName != c.ComplainantName).Select(x => x.Number).Concat(sharedAddress).Distinct().ToList();
        if (shared.Count > 0)
        {
            warnings.Add(new CaseWarning("shared-contact", $"多个投诉人使用同一联系电话或地址（{article}）",
                $"{shared.Count} complaint(s) by other complainants share this phone number or address.",
                $"另有 {shared.Count} 件投诉的投诉人不同，但联系电话或地址相同。", shared));
        }

        var sameText = await others.Where(x => x.Description == c.Description).Select(x => x.Number).ToListAsync(cancellationToken);
        if (sameText.Count + 1 >= o.TemplatedComplaints)
        {
            warnings.Add(new CaseWarning("templated-text", $"批量、模板化投诉，可能存在串通（{article}）",
                $"{sameText.Count + 1} complaints within {o.WindowDays} days have exactly this text.",
                $"{o.WindowDays} 日内有 {sameText.Count + 1} 件投诉的事实描述完全相同。", sameText));
        }

        if (visibleIds is null || warnings.Count == 0)
        {
            return warnings;
        }

        var related = warnings.SelectMany(w => w.RelatedCases).Distinct().ToList();
        var shown = (await db.Cases.AsNoTracking().Where(x => related.Contains(x.Number) && visibleIds.Contains(x.Id)).Select(x => x.Number).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return warnings.Select(w => WithoutHidden(w, shown)).ToList();
    }

    private static CaseWarning WithoutHidden(CaseWarning warning, HashSet<string> shown)
    {
        var visible = warning.RelatedCases.Where(shown.Contains).ToList();
        var hidden = warning.RelatedCases.Count - visible.Count;
        return hidden == 0
            ? warning
            : warning with
            {
                Message = $"{warning.Message} {hidden} of them are cases you cannot see; their numbers are not listed.",
                MessageZh = $"{warning.MessageZh}其中 {hidden} 件不在您的查看范围内，未列出编号。",
                RelatedCases = visible,
            };
    }
}
