using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<StoredOffice>
{
    public void Configure(EntityTypeBuilder<StoredOffice> builder)
    {
        builder.ToTable("Offices");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(64);
    }
}
