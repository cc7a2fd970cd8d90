using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<StoredInstance>
{
    public void Configure(EntityTypeBuilder<StoredInstance> builder)
    {
        builder.ToTable("Instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ConcurrencyVersion).IsConcurrencyToken();
        builder.HasIndex(i => i.CaseId).HasDatabaseName("IX_Instances_CaseId");
        builder.HasIndex(i => new { i.ProcessKey, i.Status }).HasDatabaseName("IX_Instances_ProcessKey_Status");
        builder.Property(i => i.IncidentKind).HasMaxLength(64);
        builder.Property(i => i.IncidentElementId).HasMaxLength(256);
        builder.HasIndex(i => i.IncidentAt).HasDatabaseName("IX_Instances_IncidentAt");
        builder.HasIndex(i => new { i.ParentInstanceId, i.ParentBookmarkId }).HasDatabaseName("IX_Instances_ParentInstanceId_ParentBookmarkId");
    }
}
