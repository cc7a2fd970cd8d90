using CaseFlow.Server.Cases;
using CaseFlow.Workflows.Cases;

namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A complaint or report and the people in it. Status changes only through <see cref="ChangeStatus"/>.</summary>
public sealed class StoredCase
{
    public Guid Id { get; set; }

    /// <summary>Human-facing number, e.g. TS2026-000123 (投诉) or JB2026-000045 (举报).</summary>
    public required string Number { get; set; }

    public required string Kind { get; set; }

    public required string Channel { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public CaseStatus Status { get; private set; } = CaseStatus.Registered;

    public string? OfficeId { get; set; }

    /// <summary>Empty when the complainant or reporter gave no name (an anonymous report, or a complaint missing Art. 10 materials).</summary>
    /// <remarks>This and the other contact fields are encrypted in the database (<c>Persistence/PersonalDataColumns</c>); in memory they are clear.</remarks>
    public required string ComplainantName { get; set; }

    /// <summary>Empty when no phone number was given; never matched against other cases' empty numbers.</summary>
    public required string ComplainantPhone { get; set; }

    public string? ComplainantEmail { get; set; }

    public string? ComplainantAddress { get; set; }

    /// <summary>Keyed hash of the normalised phone number (<see cref="Security.ContactLookup.Phone"/>): the only way to match phones, set on every save.</summary>
    public string? ComplainantPhoneHash { get; set; }

    /// <summary>Keyed hash of the normalised address, for the Art. 17 shared-address sign; set on every save.</summary>
    public string? ComplainantAddressHash { get; set; }

    /// <summary>The complainant's ID number, AES-GCM encrypted with <c>CaseFlow:Security:DataKey</c> (never stored in clear).</summary>
    public string? ComplainantIdNumberCipher { get; set; }

    /// <summary>HMAC-SHA256 of the normalised ID number, so a case can be found by ID number without decrypting every row.</summary>
    public string? ComplainantIdNumberHash { get; set; }

    /// <summary>When the retention job removed the parties' personal data (null while it is kept).</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>Empty when the submission did not name the respondent (a report against an unknown business, or a complaint identifying it otherwise).</summary>
    public required string RespondentName { get; set; }

    public string? RespondentAddress { get; set; }

    public string? RespondentCreditCode { get; set; }

    /// <summary>For a seller on an online platform: the platform operator's name (O121 Art. 14).</summary>
    public string? RespondentPlatformName { get; set; }

    /// <summary>For a seller on an online platform: the platform operator's address, which decides jurisdiction when the seller's own does not.</summary>
    public string? RespondentPlatformAddress { get; set; }

    /// <summary>The office the district table suggests (jurisdiction); the decider may choose another.</summary>
    public string? SuggestedOfficeId { get; set; }

    /// <summary>
    /// When a complaint handled business-first by an ODR enterprise came back to the regulator; receipt-based periods
    /// count from here (rules.md §1.4). Null when it went to the regulator directly.
    /// </summary>
    public DateTimeOffset? RegulatorReceivedAt { get; set; }

    /// <summary>The first report of which this one is a duplicate (same reporter, facts and target; O121 Art. 35(2)).</summary>
    public Guid? DuplicateOfCaseId { get; set; }

    /// <summary>For a clue without a complainant (transfer, assignment, inspection, sampling): the agency, superior or task it came from.</summary>
    public string? SourceOrganisation { get; set; }

    /// <summary>The number of the transfer or assignment letter, inspection record or sampling report (PPR Art. 18).</summary>
    public string? SourceReference { get; set; }

    /// <summary>The date on the source document.</summary>
    public DateOnly? SourceDate { get; set; }

    public required string Category { get; set; }

    public required string Subject { get; set; }

    public required string Description { get; set; }

    public decimal? AmountInvolved { get; set; }

    public Guid? ProcessInstanceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Money recovered for the consumer (挽回经济损失), in yuan; set when mediation ends.</summary>
    public decimal? RecoveredAmount { get; set; }

    /// <summary>The return visit's rating (回访): very-satisfied, satisfied, neutral or dissatisfied; null until rated.</summary>
    public string? Satisfaction { get; set; }

    /// <summary>The case this one came from: the other half of a mixed submission, or the complaint whose mediation found a clue.</summary>
    public Guid? ParentCaseId { get; set; }

    /// <summary>When the complaint was accepted (受理); the statistics count acceptances from it.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>When the enforcement case was opened (立案).</summary>
    public DateTimeOffset? FiledAt { get; set; }

    /// <summary>When the case was handed to the police (移送公安).</summary>
    public DateTimeOffset? TransferredAt { get; set; }

    /// <summary>When the case was first decided (作出处理决定, including a simple-procedure decision on the spot).</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>
    /// 违法行为发生日 (for a continuing conduct, the day it ended; APL Art. 36) or, for a complaint, the day the
    /// complainant knew or should have known of the harm (O121 Art. 16(4)). The limitation warnings count from it.
    /// </summary>
    public DateOnly? ConductDate { get; set; }

    /// <summary>The conduct involves life, health or financial safety and harm resulted: the five-year limitation applies (APL Art. 36).</summary>
    public bool ConductSeriousHarm { get; set; }

    /// <summary>The fine decided (罚款), in yuan, as a number.</summary>
    public decimal? FineAmount { get; set; }

    /// <summary>Illegal gains and property confiscated (没收违法所得、没收非法财物), in yuan, as a number.</summary>
    public decimal? ConfiscationAmount { get; set; }

    /// <summary>When the penalty decision with <see cref="FineAmount"/> and <see cref="ConfiscationAmount"/> was made; the statistics count 罚没款 from it.</summary>
    public DateTimeOffset? PenaltyDecidedAt { get; set; }

    /// <summary>When the fine was paid (or collected on the spot); the late-payment surcharge stops counting then.</summary>
    public DateTimeOffset? FinePaidAt { get; set; }

    /// <summary>Moves the case to <paramref name="target"/>, refusing transitions the procedure does not allow.</summary>
    /// <exception cref="CaseTransitionException">The transition is not allowed from the current status.</exception>
    public void ChangeStatus(CaseStatus target, DateTimeOffset at)
    {
        if (target == Status)
        {
            return;
        }

        if (!CaseTransitions.IsAllowed(Status, target))
        {
            throw new CaseTransitionException(Number, Status, target);
        }

        Status = target;
        if (target is CaseStatus.Closed or CaseStatus.Refused or CaseStatus.NotFiled)
        {
            ClosedAt = at;
        }

        if (target == CaseStatus.Accepted)
        {
            AcceptedAt ??= at;
        }

        if (target == CaseStatus.Filed)
        {
            FiledAt ??= at;
        }

        if (target == CaseStatus.Transferred)
        {
            TransferredAt ??= at;
        }

        if (target == CaseStatus.Decided)
        {
            DecidedAt ??= at;
        }
    }
}
