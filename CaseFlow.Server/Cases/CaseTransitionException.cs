using CaseFlow.Workflows.Cases;

namespace CaseFlow.Server.Cases;

/// <summary>A status change the procedure does not allow, e.g. mediating a refused complaint.</summary>
public sealed class CaseTransitionException : Exception
{
    public CaseTransitionException()
    {
    }

    public CaseTransitionException(string message) : base(message)
    {
    }

    public CaseTransitionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public CaseTransitionException(string caseNumber, CaseStatus from, CaseStatus to)
        : base($"Case {caseNumber} cannot move from {from} to {to}.")
    {
    }
}
