using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseFlow.Server.Persistence;

/// <summary>Stores instants as UTC ticks (a sortable integer on every provider); reads them back as UTC.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
