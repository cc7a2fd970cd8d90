using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class ProcessVersionConfiguration : IEntityTypeConfiguration<StoredProcessVersion>
{
    public void Configure(EntityTypeBuilder<StoredProcessVersion> builder)
    {
        builder.ToTable("ProcessVersions");
        builder.HasKey(p => new { p.ProcessKey, p.Version });
        builder.Property(p => p.ProcessKey).HasMaxLength(128);
    }
}
