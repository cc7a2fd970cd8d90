using System.Text.Json.Nodes;

namespace CaseFlow.Workflows.Runtime;

/// <summary>How to start an instance.</summary>
/// <param name="InstanceId">Chosen by the caller so that retries and idempotent intake reuse it.</param>
/// <param name="BusinessKey">Default correlation key for message events (e.g. the case number).</param>
/// <param name="Variables">Initial process variables.</param>
/// <param name="MessageName">When set, start at the message start event with this message name; otherwise at the none start event.</param>
/// <param name="Actor">Who started it, for the history.</param>
/// <param name="StartEventId">When set, start at this timer start event (the server fires timer starts); it wins over <paramref name="MessageName"/>.</param>
public sealed record StartInstanceRequest(
    Guid InstanceId,
    string? BusinessKey,
    JsonObject Variables,
    string? MessageName = null,
    string? Actor = null,
    string? StartEventId = null);
