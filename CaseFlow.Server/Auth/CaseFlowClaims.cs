namespace CaseFlow.Server.Auth;

/// <summary>Claim types CaseFlow adds to the signed-in principal.</summary>
public static class CaseFlowClaims
{
    public const string Group = "caseflow:group";
}
