using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class CaseGrantConfiguration : IEntityTypeConfiguration<CaseGrant>
{
    public void Configure(EntityTypeBuilder<CaseGrant> builder)
    {
        builder.ToTable("CaseGrants");

        // The key leads with the task: a task's grants are replaced together when it changes outside the change tracker.
        builder.HasKey(g => new { g.TaskId, g.Principal });
        builder.Property(g => g.Principal).HasMaxLength(200);

        // Visibility asks, per case, whether one of the user's principals holds a grant: one short range of this index.
        builder.HasIndex(g => new { g.CaseId, g.Principal }).HasDatabaseName("IX_CaseGrants_CaseId_Principal");
    }
}
