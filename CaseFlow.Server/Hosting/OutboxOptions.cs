using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Hosting;

/// <summary><c>CaseFlow:Outbox</c>: how the email dispatcher retries.</summary>
public sealed class OutboxOptions
{
    /// <summary>Attempts before a message is marked failed and an operator must retry it.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubled on each further attempt.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseDelaySeconds { get; set; } = 5;

    /// <summary>Longest retry delay.</summary>
    [Range(1, 86400)]
    public double RetryMaxDelaySeconds { get; set; } = 600;

    /// <summary>How often the dispatcher looks for due messages when it has not been woken.</summary>
    [Range(0.05, 600)]
    public double PollIntervalSeconds { get; set; } = 2;

    /// <summary>How long a node holds a claimed message before another node may take it.</summary>
    [Range(5, 3600)]
    public double LockSeconds { get; set; } = 120;
}
