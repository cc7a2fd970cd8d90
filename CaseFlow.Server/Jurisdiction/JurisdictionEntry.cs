namespace CaseFlow.Server.Jurisdiction;

/// <summary>One district → office row, as configured (<c>CaseFlow:Jurisdictions</c>) or administered (<c>PUT /api/admin/jurisdictions</c>).</summary>
public sealed class JurisdictionEntry
{
    public string? District { get; set; }

    public string? OfficeId { get; set; }
}
