using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<StoredOutboxMessage>
{
    public void Configure(EntityTypeBuilder<StoredOutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique().HasDatabaseName("IX_OutboxMessages_IdempotencyKey");
        builder.HasIndex(m => new { m.State, m.NextAttemptAt }).HasDatabaseName("IX_OutboxMessages_State_NextAttemptAt");
    }
}
