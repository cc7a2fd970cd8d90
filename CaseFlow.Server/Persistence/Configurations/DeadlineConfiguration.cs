using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<StoredDeadline>
{
    public void Configure(EntityTypeBuilder<StoredDeadline> builder)
    {
        builder.ToTable("Deadlines");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => d.CaseId).HasDatabaseName("IX_Deadlines_CaseId");
        builder.HasIndex(d => d.TaskId).HasDatabaseName("IX_Deadlines_TaskId");
    }
}
