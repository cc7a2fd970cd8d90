using System.Security.Cryptography;
using System.Text;
using CaseFlow.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// Encrypts personal data at rest (AES-256-GCM) and makes keyed lookup hashes (HMAC-SHA256 with a key derived from the
/// same secret), so an ID number, a phone number or an address can be matched without being stored in clear or hashed
/// guessably (they have little entropy: a plain hash is reversed by trying every number).
/// </summary>
/// <remarks>
/// A value is <c>v2:</c> + the key's id (16 hex digits) + <c>:</c> + base64 of nonce | ciphertext | tag. The key id says
/// which key a value needs, so a key rotation (<see cref="DataKeyRotation"/>) can resume where it stopped and a server
/// given the wrong key refuses to start instead of failing on every read. <c>v1:</c> (no key id) is the format before
/// rotation existed, read with the configured key and rewritten as <c>v2:</c> at the next start.
/// The key is <c>CaseFlow:Security:DataKey</c> (base64, at least 32 bytes); see <see cref="DataKeySource"/>.
/// </remarks>
public sealed class PersonalDataProtector
{
    private const string LegacyPrefix = "v1:";
    private const string Prefix = "v2:";
    private const int KeyIdChars = 16;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] encryptionKey;
    private readonly byte[] lookupKey;

    public PersonalDataProtector(IOptions<SecurityOptions> security, IOptions<CaseFlowOptions> options)
        : this(DataKeySource.Load(security?.Value.DataKey, options?.Value.DataDirectoryFullPath ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    /// <summary>A protector for the given secret (the rotation command holds one for the old key and one for the new).</summary>
    public PersonalDataProtector(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("caseflow:pii:aes-gcm"));
        lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("caseflow:pii:lookup"));
        var id = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 8, info: Encoding.ASCII.GetBytes("caseflow:pii:key-id"));
        KeyId = Convert.ToHexStringLower(id);
    }

    /// <summary>Names the key without revealing it (16 hex digits); stored with every value and in the database's marker.</summary>
    public string KeyId { get; }

    public string Encrypt(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceBytes + data.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(encryptionKey, TagBytes);
        aes.Encrypt(nonce, data, output.AsSpan(NonceBytes, data.Length), output.AsSpan(NonceBytes + data.Length));
        return Prefix + KeyId + ":" + Convert.ToBase64String(output);
    }

    /// <exception cref="CryptographicException">The value is not a cipher, needs another key, or was altered.</exception>
    public string Decrypt(string cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        string payload;
        if (cipher.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var keyId = KeyIdOf(cipher);
            if (!string.Equals(keyId, KeyId, StringComparison.Ordinal))
            {
                throw new CryptographicException($"The value was encrypted with data key {keyId}; the configured key is {KeyId}.");
            }

            payload = cipher[(Prefix.Length + KeyIdChars + 1)..];
        }
        else if (cipher.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            payload = cipher[LegacyPrefix.Length..];
        }
        else
        {
            throw new CryptographicException("Unknown personal-data cipher format.");
        }

        var input = Convert.FromBase64String(payload);
        var length = input.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(encryptionKey, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes, length), input.AsSpan(NonceBytes + length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Whether <paramref name="value"/> is a cipher of this class's formats (anything else is a value stored in clear before encryption).</summary>
    public static bool IsCipher(string? value) =>
        value is not null && (value.StartsWith(Prefix, StringComparison.Ordinal) || value.StartsWith(LegacyPrefix, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="value"/> is encrypted with this key in the current format (nothing to rewrite).</summary>
    public bool IsCurrent(string? value) =>
        value is not null && value.StartsWith(Prefix, StringComparison.Ordinal) && string.Equals(KeyIdOf(value), KeyId, StringComparison.Ordinal);

    /// <summary>The key id of a <c>v2:</c> value, or null for anything else.</summary>
    public static string? KeyIdOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length > Prefix.Length + KeyIdChars
            ? value.Substring(Prefix.Length, KeyIdChars)
            : null;
    }

    /// <summary>The lookup hash of an ID number (normalised: full-width digits, spaces and 'x' give the same hash).</summary>
    public string LookupHash(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        return Hash(Cases.IdNumbers.Normalise(idNumber));
    }

    /// <summary>The lookup hash of a phone number (digits only, without +86), or null when it has no digits.</summary>
    public string? PhoneHash(string? phone) => ContactLookup.Phone(phone) is { } normal ? Hash("phone:" + normal) : null;

    /// <summary>The lookup hash of an address (width, spaces and punctuation ignored), or null when it is empty.</summary>
    public string? AddressHash(string? address) => ContactLookup.Address(address) is { } normal ? Hash("address:" + normal) : null;

    private string Hash(string normal) => Convert.ToHexStringLower(HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes(normal)));
}
