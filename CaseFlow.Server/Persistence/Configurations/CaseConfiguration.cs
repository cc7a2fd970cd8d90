using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Server.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<StoredCase>
{
    public void Configure(EntityTypeBuilder<StoredCase> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique().HasDatabaseName("IX_Cases_Number");
        builder.HasIndex(c => new { c.Status, c.OfficeId }).HasDatabaseName("IX_Cases_Status_OfficeId");
        builder.HasIndex(c => c.ReceivedAt).HasDatabaseName("IX_Cases_ReceivedAt");

        // Case visibility (Security/CaseAccess) reads a user's office's cases as one range, beside their CaseGrant rows; with
        // ReceivedAt and Id in it, the case list's page is the range's newest entries read in order (index only) and the
        // office's share of the total is a count of the range.
        builder.HasIndex(c => new { c.OfficeId, c.ReceivedAt, c.Id }).HasDatabaseName("IX_Cases_OfficeId_ReceivedAt_Id");

        // Art. 17 warning signs, duplicate reports and the phone search look for the same reporter's other cases by
        // keyed hash: the values themselves are encrypted with a random nonce and never compare equal.
        builder.Property(c => c.ComplainantPhoneHash).HasMaxLength(64);
        builder.Property(c => c.ComplainantAddressHash).HasMaxLength(64);
        builder.HasIndex(c => c.ComplainantPhoneHash).HasDatabaseName("IX_Cases_ComplainantPhoneHash");
        builder.HasIndex(c => c.ComplainantAddressHash).HasDatabaseName("IX_Cases_ComplainantAddressHash");
        builder.Property(c => c.ComplainantIdNumberCipher).HasMaxLength(200);
        builder.Property(c => c.ComplainantIdNumberHash).HasMaxLength(64);
        builder.HasIndex(c => c.ComplainantIdNumberHash).HasDatabaseName("IX_Cases_ComplainantIdNumberHash");
        builder.Property(c => c.SourceOrganisation).HasMaxLength(200);
        builder.Property(c => c.SourceReference).HasMaxLength(100);
        builder.HasIndex(c => c.ParentCaseId).HasDatabaseName("IX_Cases_ParentCaseId");

        // A case's view lists the cases linked to it, as parent or as the report it duplicates (one query, an OR of the
        // two): with only the parent indexed, every case view read the whole table.
        builder.HasIndex(c => c.DuplicateOfCaseId).HasDatabaseName("IX_Cases_DuplicateOfCaseId");

        // The statistics count 立案 and 移送 by when they happened; a range scan keeps that fast with a million cases.
        builder.HasIndex(c => c.FiledAt).HasDatabaseName("IX_Cases_FiledAt");
        builder.HasIndex(c => c.TransferredAt).HasDatabaseName("IX_Cases_TransferredAt");

        // Covers every column the summary reads for the items received in a period, so it never visits the table rows:
        // a year of half a million cases is counted in about 0.2 s instead of about 3 s per query (docs/statistics.md).
        // FiledAt, TransferredAt and DecidedAt tell when a report was handled (办结 at the 立案 decision, issue 16).
        builder.HasIndex(c => new { c.ReceivedAt, c.Kind, c.OfficeId, c.AcceptedAt, c.ClosedAt, c.Satisfaction, c.RecoveredAmount, c.FiledAt, c.TransferredAt, c.DecidedAt, c.ParentCaseId })
            .HasDatabaseName("IX_Cases_Statistics");

        // 罚没款 are counted by the day of the penalty decision.
        builder.HasIndex(c => c.PenaltyDecidedAt).HasDatabaseName("IX_Cases_PenaltyDecidedAt");
    }
}
