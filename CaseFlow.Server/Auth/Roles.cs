namespace CaseFlow.Server.Auth;

/// <summary>Role names as stored on users and checked by endpoints.</summary>
public static class Roles
{
    public const string Intake = "Intake";
    public const string Handler = "Handler";
    public const string Supervisor = "Supervisor";
    public const string LegalOfficer = "LegalOfficer";
    public const string Admin = "Admin";

    /// <summary>May read a complainant's personal data unmasked (with a recorded reason); supervisors may too. Admins may not: they run the system, not cases.</summary>
    public const string PersonalDataReader = "PersonalDataReader";
}
