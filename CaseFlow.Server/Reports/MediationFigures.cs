namespace CaseFlow.Server.Reports;

/// <summary>Mediations (组织调解) of the period's complaints that ended by its end, and those ended with an agreement.</summary>
/// <param name="Concluded">Mediation steps completed, whatever the outcome (agreement, terminated, withdrawn).</param>
/// <param name="Succeeded">Those completed with an agreement (调解成功, O121 Art. 24).</param>
public sealed record MediationFigures(int Concluded, int Succeeded);
