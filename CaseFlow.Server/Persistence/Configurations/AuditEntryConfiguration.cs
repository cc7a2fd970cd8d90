using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<StoredAuditEntry>
{
    public void Configure(EntityTypeBuilder<StoredAuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.Seq).IsUnique().HasDatabaseName("IX_AuditEntries_Seq");
        builder.Property(a => a.Actor).HasMaxLength(128);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Subject).HasMaxLength(128);
        builder.Property(a => a.Details).HasMaxLength(1000);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => new { a.CaseId, a.Seq }).HasDatabaseName("IX_AuditEntries_CaseId_Seq");

        // The sequencer's queue: entries committed but not yet linked, in the order they were written. Partial, so it
        // holds only the few entries waiting (the same filter text is valid SQL on SQLite and PostgreSQL).
        builder.HasIndex(a => a.Id).HasFilter("\"Seq\" IS NULL").HasDatabaseName("IX_AuditEntries_Unlinked");
    }
}
