using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<StoredUser>
{
    public void Configure(EntityTypeBuilder<StoredUser> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.UserName);
        builder.Property(u => u.UserName).HasMaxLength(64);
        builder.Property(u => u.DisplayName).HasMaxLength(128);
        builder.Ignore(u => u.RoleList);
        builder.Ignore(u => u.GroupList);
    }
}
