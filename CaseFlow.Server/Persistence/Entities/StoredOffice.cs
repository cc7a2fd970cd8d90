namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A supervision office (监管所). Its id doubles as the candidate group of its handlers.</summary>
public sealed class StoredOffice
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }
}
