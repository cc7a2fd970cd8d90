using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<StoredEscalation>
{
    public void Configure(EntityTypeBuilder<StoredEscalation> builder)
    {
        builder.ToTable("DeadlineEscalations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.StepKey).HasMaxLength(64);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Role).HasMaxLength(64);
        builder.Property(e => e.Recipients).HasMaxLength(1000);
        builder.Property(e => e.FiredBy).HasMaxLength(128);

        // The backstop for "every step fires once": whatever races, a second row for one step cannot be stored.
        builder.HasIndex(e => new { e.DeadlineId, e.StepKey }).IsUnique().HasDatabaseName("UX_DeadlineEscalations_Step");
        builder.HasIndex(e => e.TaskId).HasDatabaseName("IX_DeadlineEscalations_TaskId");
        builder.HasIndex(e => e.CaseId).HasDatabaseName("IX_DeadlineEscalations_CaseId");
        builder.HasIndex(e => new { e.Kind, e.FiredAt }).HasDatabaseName("IX_DeadlineEscalations_Kind_FiredAt");
    }
}
