using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<StoredCaseDocument>
{
    public void Configure(EntityTypeBuilder<StoredCaseDocument> builder)
    {
        builder.ToTable("CaseDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.Kind).HasMaxLength(40);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.TransferItem).HasMaxLength(40);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.UploadedBy).HasMaxLength(100);
        builder.HasIndex(d => new { d.CaseId, d.UploadedAt }).HasDatabaseName("IX_CaseDocuments_CaseId_UploadedAt");
    }
}
