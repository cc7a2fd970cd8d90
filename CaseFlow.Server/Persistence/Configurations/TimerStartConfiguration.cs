using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class TimerStartConfiguration : IEntityTypeConfiguration<StoredTimerStart>
{
    public void Configure(EntityTypeBuilder<StoredTimerStart> builder)
    {
        builder.ToTable("TimerStarts");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ElementId).HasMaxLength(256);
        builder.Property(t => t.Timer).HasMaxLength(256);
        builder.Property(t => t.ConcurrencyVersion).IsConcurrencyToken();
        builder.HasIndex(t => new { t.ProcessKey, t.ProcessVersion }).HasDatabaseName("IX_TimerStarts_ProcessKey_ProcessVersion");
    }
}
