using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<StoredBookmark>
{
    public void Configure(EntityTypeBuilder<StoredBookmark> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(b => b.InstanceId).HasDatabaseName("IX_Bookmarks_InstanceId");
        builder.HasIndex(b => new { b.Kind, b.DueAt }).HasDatabaseName("IX_Bookmarks_Kind_DueAt");
        builder.HasIndex(b => new { b.MessageName, b.CorrelationKey }).HasDatabaseName("IX_Bookmarks_MessageName_CorrelationKey");
    }
}
