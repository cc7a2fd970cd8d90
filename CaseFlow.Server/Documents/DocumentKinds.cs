namespace CaseFlow.Server.Documents;

/// <summary>What a case document is. Transfer packages are only made by sealing a transfer, never uploaded.</summary>
public static class DocumentKinds
{
    public const string Evidence = "evidence";
    public const string Letter = "letter";
    public const string Other = "other";
    public const string TransferPackage = "transfer-package";

    /// <summary>The kinds a user may upload.</summary>
    public static IReadOnlyList<string> Uploadable { get; } = [Evidence, Letter, Other];
}
