using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<StoredCase>
{
    public void Configure(EntityTypeBuilder<StoredCase> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique().HasDatabaseName("IX_Cases_Number");
        builder.HasIndex(c => new { c.Status, c.OfficeId }).HasDatabaseName("IX_Cases_Status_OfficeId");
        builder.HasIndex(c => c.ReceivedAt).HasDatabaseName("IX_Cases_ReceivedAt");

        // Art. 17 warning signs and duplicate reports look for the same reporter's other cases.
        builder.HasIndex(c => c.ComplainantPhone).HasDatabaseName("IX_Cases_ComplainantPhone");
        builder.HasIndex(c => c.ParentCaseId).HasDatabaseName("IX_Cases_ParentCaseId");
    }
}
