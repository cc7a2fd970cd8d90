using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<StoredAccessToken>
{
    public void Configure(EntityTypeBuilder<StoredAccessToken> builder)
    {
        builder.ToTable("AccessTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.UserName).HasDatabaseName("IX_AccessTokens_UserName");
    }
}
