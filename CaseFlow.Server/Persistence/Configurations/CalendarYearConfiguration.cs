using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<StoredCalendarYear>
{
    public void Configure(EntityTypeBuilder<StoredCalendarYear> builder)
    {
        builder.ToTable("CalendarYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.LoadedBy).HasMaxLength(128);
        builder.Property(y => y.PendingBy).HasMaxLength(128);
        builder.Property(y => y.ConcurrencyVersion).IsConcurrencyToken();
    }
}
