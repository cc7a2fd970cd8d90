using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Letters;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Letters;

/// <summary>
/// Renders letters from the current template version. Merge values are layered: the process variables, then the
/// case's own data, then the values the caller gives explicitly. A field with no value renders as a visible placeholder
/// and is logged, never failing the command that writes the email.
/// </summary>
public sealed class LetterRenderer(CaseFlowDbContext db, LetterTemplateStore templates, ILogger<LetterRenderer> logger, Workflows.Calendar.BusinessCalendar calendar, TimeProvider clock)
{
    private readonly LetterFieldValues fieldValues = new(db, calendar, clock);

    /// <summary>Renders template <paramref name="code"/> for case <paramref name="caseId"/>; <paramref name="extraFields"/> win over the case's data.</summary>
    /// <exception cref="KeyNotFoundException">There is no template <paramref name="code"/> or no case <paramref name="caseId"/>.</exception>
    public async Task<RenderedLetter> RenderAsync(string code, Guid caseId, IReadOnlyDictionary<string, string?>? extraFields = null, CancellationToken cancellationToken = default)
    {
        var template = await templates.GetCurrentAsync(code, cancellationToken) ?? throw new KeyNotFoundException($"There is no letter template '{code}'.");
        var storedCase = db.Cases.Local.FirstOrDefault(c => c.Id == caseId) ?? await db.Cases.FindAsync([caseId], cancellationToken)
            ?? throw new KeyNotFoundException($"There is no case '{caseId}'.");
        var values = LetterFieldValues.Layer(await fieldValues.FromCaseAsync(storedCase, cancellationToken), fieldValues.FromStrings(extraFields));
        AddRefusalGroundText(values, storedCase);
        return Render(template, values, storedCase.Number);
    }

    /// <summary>Renders template <paramref name="code"/> from the given values only (a preview without a case).</summary>
    /// <exception cref="KeyNotFoundException">There is no template <paramref name="code"/>.</exception>
    public async Task<RenderedLetter> RenderAsync(string code, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        var template = await templates.GetCurrentAsync(code, cancellationToken) ?? throw new KeyNotFoundException($"There is no letter template '{code}'.");
        var layered = LetterFieldValues.Layer(await fieldValues.FromCaseAsync(null, cancellationToken), fieldValues.FromStrings(values));
        AddRefusalGroundText(layered, null);
        return Render(template, layered, null);
    }

    /// <summary>
    /// For an email effect that names a template, the same effect with subject and body rendered; any other effect unchanged.
    /// Called while the command's unit of work is open, so the letter reflects the state being committed.
    /// </summary>
    internal async Task<WorkflowEffect> ResolveAsync(WorkflowEffect effect, StoredCase? storedCase, CancellationToken cancellationToken)
    {
        if (effect is not SendEmailEffect { Template: { } code } email)
        {
            return effect;
        }

        var template = await templates.GetCurrentAsync(code, cancellationToken);
        if (template is null)
        {
            // The activity checks the code against the shipped list, so this only happens if that list and the store disagree.
            logger.LogWarning("Letter template {Code} does not exist; the email from {ElementId} is queued with a notice instead", code, email.ElementId);
            return email with { Subject = $"【文书模板不存在：{code}】", Body = $"流程要求使用文书模板“{code}”，但该模板不存在，请联系法制员。\n" };
        }

        var values = LetterFieldValues.Layer(
            fieldValues.FromJson(email.Variables),
            await fieldValues.FromCaseAsync(storedCase, cancellationToken),
            fieldValues.FromJson(email.TemplateFields));
        AddRefusalGroundText(values, storedCase);
        var letter = Render(template, values, storedCase?.Number);
        return email with { Subject = letter.Subject, Body = letter.Body };
    }

    /// <summary>
    /// The refusal ground's article and words, from the rules in force on the case's receipt date (today's for a
    /// preview without a case); the bare refusal article when no ground was chosen.
    /// </summary>
    private void AddRefusalGroundText(Dictionary<string, string?> values, StoredCase? storedCase)
    {
        if (values.ContainsKey("refusalGroundText"))
        {
            return;
        }

        var rules = Cases.ComplaintRuleTexts.InForceOn(calendar.ToLocalDate(storedCase?.ReceivedAt ?? clock.GetUtcNow()));
        values["refusalGroundText"] = values.GetValueOrDefault("refusalGround") is { } ground
            ? rules.RefusalGrounds.GetValueOrDefault(ground, rules.RefusalArticle)
            : rules.RefusalArticle;
    }

    private RenderedLetter Render(StoredLetterTemplate template, Dictionary<string, string?> values, string? caseNumber)
    {
        // Defence in depth: saving refuses complainant fields in a respondent letter, but a version written straight
        // into the database would still be rendered; the complainant's identity is withheld then.
        if (LetterAddressees.Of(template) == LetterAddressees.Respondent)
        {
            var used = MergeFieldsOf(template).Where(LetterAddressees.IsComplainantField).Distinct(StringComparer.Ordinal).ToList();
            foreach (var field in used)
            {
                values[field] = LetterAddressees.Withheld;
            }

            if (used.Count > 0)
            {
                logger.LogWarning("Letter {Code} v{Version} is addressed to the respondent but merges {Fields}; they were withheld",
                    template.Code, template.Version, string.Join(", ", used));
            }
        }

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        string subject;
        string body;
        try
        {
            subject = MergeTemplate.Render(template.Subject, values, missing);
            body = MergeTemplate.Render(template.Body, values, missing);
        }
        catch (MergeTemplateException ex)
        {
            // Saved versions are validated, so only a hand-edited database gets here; show the raw text rather than fail.
            logger.LogWarning(ex, "Letter template {Code} version {Version} does not parse; rendered unmerged", template.Code, template.Version);
            return new RenderedLetter(template.Code, template.Version, template.Subject, template.Body, []);
        }

        if (missing.Count > 0)
        {
            logger.LogWarning("Letter {Code} v{Version} for case {CaseNumber} has no value for {MissingFields}; placeholders were rendered",
                template.Code, template.Version, caseNumber ?? "(preview)", string.Join(", ", missing));
        }

        return new RenderedLetter(template.Code, template.Version, subject, body, [.. missing]);
    }

    private static IEnumerable<string> MergeFieldsOf(StoredLetterTemplate template)
    {
        try
        {
            return [.. MergeTemplate.FieldsOf(template.Subject), .. MergeTemplate.FieldsOf(template.Body)];
        }
        catch (MergeTemplateException)
        {
            return []; // rendered unmerged below
        }
    }
}
