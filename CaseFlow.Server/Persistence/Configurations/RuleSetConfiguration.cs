using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class RuleSetConfiguration : IEntityTypeConfiguration<StoredRuleSet>
{
    public void Configure(EntityTypeBuilder<StoredRuleSet> builder)
    {
        builder.ToTable("RuleSets");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32);
        builder.Property(r => r.UpdatedBy).HasMaxLength(128);
    }
}
