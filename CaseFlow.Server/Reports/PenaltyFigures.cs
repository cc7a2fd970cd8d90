namespace CaseFlow.Server.Reports;

/// <summary>罚没款: fines and confiscations of the penalty decisions made in the period, in yuan.</summary>
/// <param name="Decisions">Cases with a penalty decision in the period that recorded an amount.</param>
/// <param name="Fines">Fines (罚款).</param>
/// <param name="Confiscations">Illegal gains and property confiscated (没收违法所得、非法财物).</param>
public sealed record PenaltyFigures(int Decisions, decimal Fines, decimal Confiscations)
{
    /// <summary>Fines and confiscations together (罚没款).</summary>
    public decimal Total => Fines + Confiscations;
}
