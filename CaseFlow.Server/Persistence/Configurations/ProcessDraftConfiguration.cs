using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class ProcessDraftConfiguration : IEntityTypeConfiguration<StoredProcessDraft>
{
    public void Configure(EntityTypeBuilder<StoredProcessDraft> builder)
    {
        builder.ToTable("ProcessDrafts");
        builder.HasKey(p => p.ProcessKey);
        builder.Property(p => p.ProcessKey).HasMaxLength(128);
    }
}
