using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<StoredAbsence>
{
    public void Configure(EntityTypeBuilder<StoredAbsence> builder)
    {
        builder.ToTable("Absences");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(128);
        builder.Property(a => a.Deputy).HasMaxLength(128);
        builder.Property(a => a.CreatedBy).HasMaxLength(128);
        builder.Property(a => a.EndedBy).HasMaxLength(128);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.HasIndex(a => new { a.UserName, a.EndedAt }).HasDatabaseName("IX_Absences_UserName_EndedAt");
    }
}
