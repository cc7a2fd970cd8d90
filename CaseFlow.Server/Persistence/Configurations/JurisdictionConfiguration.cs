using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class JurisdictionConfiguration : IEntityTypeConfiguration<StoredJurisdiction>
{
    public void Configure(EntityTypeBuilder<StoredJurisdiction> builder)
    {
        builder.ToTable("Jurisdictions");
        builder.HasKey(j => j.District);
        builder.Property(j => j.District).HasMaxLength(100);
        builder.Property(j => j.OfficeId).HasMaxLength(64);
        builder.Property(j => j.UpdatedBy).HasMaxLength(100);
    }
}
