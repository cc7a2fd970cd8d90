using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class CounterConfiguration : IEntityTypeConfiguration<StoredCounter>
{
    public void Configure(EntityTypeBuilder<StoredCounter> builder)
    {
        builder.ToTable("Counters");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Value).IsConcurrencyToken();
    }
}
