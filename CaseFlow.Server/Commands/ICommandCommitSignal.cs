namespace CaseFlow.Server.Commands;

/// <summary>Tells background workers that a committed command left them work, so they need not wait for their next poll.</summary>
public interface ICommandCommitSignal
{
    /// <summary>Outbox rows were committed.</summary>
    void EmailsQueued();
}
