namespace CaseFlow.Workflows.Cases;

/// <summary>How a transfer to the police ended, as the calling process reads it from variable <c>policeDecision</c>.</summary>
public enum PoliceDecision
{
    /// <summary><c>accepted</c>: the police opened a criminal case (at once or on reconsideration).</summary>
    Accepted,

    /// <summary><c>declined-upheld</c>: the police declined and reconsideration did not change it; back on the penalty track (O310 Art. 10).</summary>
    DeclinedUpheld,

    /// <summary><c>not-approved</c>: the chief did not approve the transfer (O310 Art. 5(2)); the case stays on the penalty track.</summary>
    NotApproved,
}
