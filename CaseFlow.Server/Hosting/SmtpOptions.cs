namespace CaseFlow.Server.Hosting;

/// <summary><c>CaseFlow:Smtp</c>. With no <see cref="Host"/>, mail is written to <see cref="PickupDirectory"/>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "CaseFlow <caseflow@localhost>";

    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    /// <summary>Defaults to <c>&lt;DataDirectory&gt;/outbox</c>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>Seconds before giving up on one connection or send.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
