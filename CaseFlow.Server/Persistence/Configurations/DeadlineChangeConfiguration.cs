using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class DeadlineChangeConfiguration : IEntityTypeConfiguration<StoredDeadlineChange>
{
    public void Configure(EntityTypeBuilder<StoredDeadlineChange> builder)
    {
        builder.ToTable("DeadlineChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.IntervalKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Approval).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Actor).HasMaxLength(128);
        builder.Property(c => c.ApprovedBy).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.HasIndex(c => c.DeadlineId).HasDatabaseName("IX_DeadlineChanges_DeadlineId");
        builder.HasIndex(c => c.CaseId).HasDatabaseName("IX_DeadlineChanges_CaseId");
    }
}
