using System.ComponentModel.DataAnnotations;
using CaseFlow.Server.Points;

namespace CaseFlow.Server.Hosting;

/// <summary><c>CaseFlow:Points</c>: the points (积分) each event is worth for the handler it is credited to.</summary>
public sealed class PointsOptions
{
    /// <summary>The case's status became Closed; credited to whoever completed its last task.</summary>
    [Range(-1000, 1000)]
    public int CaseClosed { get; set; } = 2;

    /// <summary>A supervisor recorded a violation lead the handler found.</summary>
    [Range(-1000, 1000)]
    public int ViolationLeadFound { get; set; } = 5;

    /// <summary>A deadline ended late when its task was completed; charged to whoever completed it.</summary>
    [Range(-1000, 1000)]
    public int DeadlineBreached { get; set; } = -3;

    /// <summary>A supervisor recorded a justified complaint about the handler.</summary>
    [Range(-1000, 1000)]
    public int ComplaintAboutHandler { get; set; } = -5;

    /// <summary>The points of <paramref name="event"/>, or null for an unknown event.</summary>
    public int? For(string @event) => @event switch
    {
        PointEvents.CaseClosed => CaseClosed,
        PointEvents.ViolationLeadFound => ViolationLeadFound,
        PointEvents.DeadlineBreached => DeadlineBreached,
        PointEvents.ComplaintAboutHandler => ComplaintAboutHandler,
        _ => null,
    };
}
