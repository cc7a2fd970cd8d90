using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class TaskConfiguration : IEntityTypeConfiguration<StoredTask>
{
    public void Configure(EntityTypeBuilder<StoredTask> builder)
    {
        builder.ToTable("Tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(t => t.CandidateGroupList);
        builder.Ignore(t => t.OutcomeList);
        builder.HasIndex(t => new { t.State, t.Assignee }).HasDatabaseName("IX_Tasks_State_Assignee");
        builder.HasIndex(t => new { t.State, t.DueAt }).HasDatabaseName("IX_Tasks_State_DueAt");
        builder.HasIndex(t => t.CaseId).HasDatabaseName("IX_Tasks_CaseId");
        builder.HasIndex(t => t.InstanceId).HasDatabaseName("IX_Tasks_InstanceId");
    }
}
