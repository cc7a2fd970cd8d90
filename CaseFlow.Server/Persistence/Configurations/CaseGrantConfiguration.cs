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

        // Visibility probes "is this case granted to one of the user's principals" on this index; it carries the case's
        // office so the case list's total (granted cases outside the user's offices) is read from the index alone.
        builder.HasIndex(g => new { g.Principal, g.CaseId, g.OfficeId }).HasDatabaseName("IX_CaseGrants_Principal_CaseId_OfficeId");

        // A case's grants, which follow the case when it moves to another office (CaseGrantCaseValues): without this
        // index every task completion that assigned an office scanned the whole table.
        builder.HasIndex(g => g.CaseId).HasDatabaseName("IX_CaseGrants_CaseId");

        // The case list's page: a principal's newest granted cases, read in index order and stopped after the page.
        builder.HasIndex(g => new { g.Principal, g.ReceivedAt, g.CaseId }).HasDatabaseName("IX_CaseGrants_Principal_ReceivedAt_CaseId");
    }
}
