using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class HistoryEventConfiguration : IEntityTypeConfiguration<StoredHistoryEvent>
{
    public void Configure(EntityTypeBuilder<StoredHistoryEvent> builder)
    {
        builder.ToTable("HistoryEvents");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.InstanceId).HasDatabaseName("IX_HistoryEvents_InstanceId");
    }
}
