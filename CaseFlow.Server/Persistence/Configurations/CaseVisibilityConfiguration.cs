using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

/// <summary>
/// The index case visibility reads on <c>Cases</c> (Security/CaseAccess): a user's office's cases as one range, so the
/// visible set is that range and the user's <see cref="CaseGrant"/> rows, not a scan of every case.
/// </summary>
/// <remarks>
/// Kept apart from <see cref="CaseConfiguration"/>, which issue 18's personal-data work is changing at the same time;
/// EF Core applies both configurations to the one entity, and the two can be merged once both have landed.
/// </remarks>
internal sealed class CaseVisibilityConfiguration : IEntityTypeConfiguration<StoredCase>
{
    public void Configure(EntityTypeBuilder<StoredCase> builder) =>
        builder.HasIndex(c => c.OfficeId).HasDatabaseName("IX_Cases_OfficeId");
}
