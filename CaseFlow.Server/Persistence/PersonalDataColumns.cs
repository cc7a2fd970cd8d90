using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// The columns that hold personal data, encrypted in the database and clear in memory (issue 18, PIPL Art. 51): the
/// complainant's or reporter's name, phone, email and address; the engine state of an instance (its variables carry
/// the name and email the letters use, and whatever the forms recorded); an email's recipient and text.
/// </summary>
/// <remarks>
/// A value converter does it, so no code that reads or writes these properties changes; what changes is that SQL can
/// no longer compare them (each encryption has its own nonce), so equality goes through the keyed lookup hashes
/// <see cref="StoredCase.ComplainantPhoneHash"/> and <see cref="StoredCase.ComplainantAddressHash"/>, kept in step by
/// <see cref="SynchroniseHashes"/> on every save. A value without a cipher prefix is one stored before encryption and
/// is read as it is; the start-up step <see cref="DataKeyMarker"/> encrypts such rows once.
/// </remarks>
public static class PersonalDataColumns
{
    /// <summary>The encrypted columns, as (table, key column, columns), for the steps that rewrite them with SQL (backfill, key rotation).</summary>
    public static readonly IReadOnlyList<(string Table, string Key, string[] Columns)> Tables =
    [
        ("Cases", "Id", ["ComplainantName", "ComplainantPhone", "ComplainantEmail", "ComplainantAddress", "ComplainantIdNumberCipher"]),
        ("Instances", "Id", ["StateJson"]),
        ("OutboxMessages", "Id", ["To", "Body"]),
    ];

    public static void Apply(ModelBuilder modelBuilder, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var converter = new ValueConverter<string, string>(v => Seal(protector, v), v => Open(protector, v));
        var optional = new ValueConverter<string?, string?>(v => Seal(protector, v!), v => Open(protector, v!)); // EF never passes null to a converter
        modelBuilder.Entity<StoredCase>(c =>
        {
            c.Property(x => x.ComplainantName).HasConversion(converter);
            c.Property(x => x.ComplainantPhone).HasConversion(converter);
            c.Property(x => x.ComplainantEmail).HasConversion(optional);
            c.Property(x => x.ComplainantAddress).HasConversion(optional);
        });
        modelBuilder.Entity<StoredInstance>().Property(x => x.StateJson).HasConversion(converter);
        modelBuilder.Entity<StoredOutboxMessage>(m =>
        {
            m.Property(x => x.To).HasConversion(converter);
            m.Property(x => x.Body).HasConversion(converter);
        });
    }

    /// <summary>Sets the lookup hashes of every case the save adds or whose phone or address it changes.</summary>
    public static void SynchroniseHashes(DbContext db, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(protector);
        foreach (var entry in db.ChangeTracker.Entries<StoredCase>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Set(entry, x => x.ComplainantPhoneHash, protector.PhoneHash(entry.Entity.ComplainantPhone));
                Set(entry, x => x.ComplainantAddressHash, protector.AddressHash(entry.Entity.ComplainantAddress));
            }
        }
    }

    /// <summary>Encrypts a value for the database; empty stays empty (no data, and the missing-materials checks test for it).</summary>
    public static string Seal(PersonalDataProtector protector, string value)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return string.IsNullOrEmpty(value) ? value : protector.Encrypt(value);
    }

    /// <summary>Decrypts a value read from the database; a value stored in clear before encryption is returned as it is.</summary>
    public static string Open(PersonalDataProtector protector, string value)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return PersonalDataProtector.IsCipher(value) ? protector.Decrypt(value) : value;
    }

    private static void Set(EntityEntry<StoredCase> entry, System.Linq.Expressions.Expression<Func<StoredCase, string?>> property, string? value)
    {
        var current = entry.Property(property);
        if (!string.Equals(current.CurrentValue, value, StringComparison.Ordinal))
        {
            current.CurrentValue = value;
        }
    }
}
