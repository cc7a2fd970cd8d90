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

        // Visibility reads the cases granted to the user's principals: one range of this index per principal.
        builder.HasIndex(g => new { g.Principal, g.CaseId }).HasDatabaseName("IX_CaseGrants_Principal_CaseId");
    }
}
