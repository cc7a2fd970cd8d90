using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<StoredPointsEntry>
{
    public void Configure(EntityTypeBuilder<StoredPointsEntry> builder)
    {
        builder.ToTable("PointsEntries");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.UserName).HasMaxLength(128);
        builder.Property(p => p.Event).HasMaxLength(64);
        builder.Property(p => p.RecordedBy).HasMaxLength(128);
        builder.Property(p => p.Details).HasMaxLength(1000);
        builder.HasIndex(p => new { p.UserName, p.At }).HasDatabaseName("IX_PointsEntries_UserName_At");
        builder.HasIndex(p => p.At).HasDatabaseName("IX_PointsEntries_At");
    }
}
