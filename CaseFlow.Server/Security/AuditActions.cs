namespace CaseFlow.Server.Security;

/// <summary>The kinds of audit entries.</summary>
public static class AuditActions
{
    public const string CaseEvent = "CaseEvent";
    public const string Command = "Command";
    public const string Assignment = "Assignment";
    public const string DeadlineChange = "DeadlineChange";
    public const string UnmaskedRead = "UnmaskedRead";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignOut = "SignOut";
    public const string PasswordChanged = "PasswordChanged";
    public const string AccessDenied = "AccessDenied";
    public const string Anonymised = "Anonymised";
}
