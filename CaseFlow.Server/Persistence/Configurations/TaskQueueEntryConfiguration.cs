using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class TaskQueueEntryConfiguration : IEntityTypeConfiguration<TaskQueueEntry>
{
    public void Configure(EntityTypeBuilder<TaskQueueEntry> builder)
    {
        builder.ToTable("TaskQueueEntries");
        builder.HasKey(e => new { e.Queue, e.TaskId });
        builder.Property(e => e.Queue).HasMaxLength(200);

        // A page is the first rows of one queue in due order; the total counts the same range.
        builder.HasIndex(e => new { e.Queue, e.DueOrder, e.CreatedAt, e.TaskId }).HasDatabaseName("IX_TaskQueueEntries_Order");
        builder.HasIndex(e => e.TaskId).HasDatabaseName("IX_TaskQueueEntries_TaskId");
    }
}
