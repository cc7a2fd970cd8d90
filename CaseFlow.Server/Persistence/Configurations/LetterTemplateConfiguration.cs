using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<StoredLetterTemplate>
{
    public void Configure(EntityTypeBuilder<StoredLetterTemplate> builder)
    {
        builder.ToTable("LetterTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Subject).HasMaxLength(500);
        builder.Property(t => t.Fields).HasMaxLength(1000);
        builder.Property(t => t.CreatedBy).HasMaxLength(128);
        builder.Property(t => t.AddressedTo).HasMaxLength(16);

        // Two legal officers saving at once both aim at the same next version; the unique index refuses one of them.
        builder.HasIndex(t => new { t.Code, t.Version }).IsUnique().HasDatabaseName("IX_LetterTemplates_Code_Version");
    }
}
