using CaseFlow.Server.Hosting;

namespace CaseFlow.Server.Mail;

/// <summary>Retry delays for outbox messages: base × 2^(attempts − 1), capped.</summary>
internal static class OutboxBackoff
{
    public static TimeSpan Delay(int attempts, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var seconds = Math.Min(options.RetryBaseDelaySeconds * Math.Pow(2, exponent), options.RetryMaxDelaySeconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
