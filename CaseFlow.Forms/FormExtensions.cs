namespace CaseFlow.Forms;

/// <summary>
/// CaseFlow's additions to the form-js format, written as a component's custom <c>properties</c> (the form-js
/// editor's "Custom properties" group), so a form keeps working in the form-js playground and Camunda Modeler.
/// docs/forms.md describes each.
/// </summary>
public static class FormExtensions
{
    /// <summary>Outcomes (comma list) for which the field is required; without it <c>validate.required</c> applies to every outcome.</summary>
    public const string RequiredFor = "caseflow:requiredFor";

    /// <summary><c>yuan</c>: an amount of money in yuan, a number with at most two decimals, never negative.</summary>
    public const string Money = "caseflow:money";

    /// <summary><c>office</c> or <c>user</c>: a select (or a taglist of several) whose options are the directory's offices or active users.</summary>
    public const string Directory = "caseflow:directory";

    /// <summary><c>case</c>: the id of one of the case's documents, chosen from the case or uploaded in place.</summary>
    public const string Document = "caseflow:document";

    /// <summary>The legal basis shown beside the field (e.g. 《市场监督管理投诉举报处理办法》第十六条).</summary>
    public const string LegalBasis = "caseflow:legalBasis";

    /// <summary>The label in English, for an English UI (the form-js <c>label</c> is the Chinese one).</summary>
    public const string LabelEn = "caseflow:label.en";

    /// <summary>The help text in English (the form-js <c>description</c> is the Chinese one).</summary>
    public const string DescriptionEn = "caseflow:description.en";

    /// <summary>Every property name CaseFlow reads; other <c>caseflow:</c> names are refused as misspellings.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        RequiredFor, Money, Directory, Document, LegalBasis, LabelEn, DescriptionEn,
    };
}
