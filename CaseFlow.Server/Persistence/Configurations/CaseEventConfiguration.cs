using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<StoredCaseEvent>
{
    public void Configure(EntityTypeBuilder<StoredCaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.CaseId).HasDatabaseName("IX_CaseEvents_CaseId");
    }
}
