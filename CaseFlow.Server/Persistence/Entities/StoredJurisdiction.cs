namespace CaseFlow.Server.Persistence.Entities;

/// <summary>One row of the district → office table that suggests the office with jurisdiction (O121 Art. 13-14).</summary>
public sealed class StoredJurisdiction
{
    /// <summary>A district name as it appears in addresses, e.g. 城关区 or 高新技术产业开发区.</summary>
    public required string District { get; set; }

    public required string OfficeId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
