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
        // Concurrency tokens: two suspensions, or two extensions against the last one allowed, must not both pass
        // their checks; the loser's update matches no row and is refused (the command runner re-runs its command).
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(d => d.ExtensionCount).IsConcurrencyToken();
        builder.Property(d => d.LadderVersion).IsConcurrencyToken();
        builder.Property(d => d.Unit).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.RuleCode).HasMaxLength(64);
        builder.Property(d => d.RuleSetId).HasMaxLength(32);
        builder.Property(d => d.LegalBasis).HasMaxLength(500);
        // A case's deadlines in a state ("its running deadlines": a letter's fields, the measures, the report facts).
        // The state is in the key so that SQLite, which plans without statistics, prefers this index to the sweep's
        // (State, NextStepAt): with the case alone it read every running deadline of the database for each such query.
        builder.HasIndex(d => new { d.CaseId, d.State }).HasDatabaseName("IX_Deadlines_CaseId_State");
        builder.HasIndex(d => d.TaskId).HasDatabaseName("IX_Deadlines_TaskId");

        // The escalation sweep asks "which running ladders need attention by now", oldest first.
        builder.HasIndex(d => new { d.State, d.NextStepAt }).HasDatabaseName("IX_Deadlines_State_NextStepAt");
        builder.HasIndex(d => d.DueAt).HasDatabaseName("IX_Deadlines_DueAt"); // deadlines by due instant (overdue lists, calendar impact)
    }
}
