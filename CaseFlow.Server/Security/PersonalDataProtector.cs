using System.Security.Cryptography;
using System.Text;
using CaseFlow.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// Encrypts personal data at rest (AES-256-GCM, <c>v1:</c> + base64 of nonce | ciphertext | tag) and makes keyed
/// lookup hashes (HMAC-SHA256 with a key derived from the same secret), so an ID number can be searched without
/// being stored in clear or hashed guessably (ID numbers have little entropy; a plain hash is reversible by trying).
/// </summary>
/// <remarks>
/// The key is <c>CaseFlow:Security:DataKey</c> (base64, 32 bytes). When it is not configured a development key is
/// generated once into <c>{DataDirectory}/security/data-key</c>; production must configure its own and back it up,
/// because without it the encrypted values cannot be read.
/// </remarks>
public sealed class PersonalDataProtector
{
    private const string Prefix = "v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] encryptionKey;
    private readonly byte[] lookupKey;

    public PersonalDataProtector(IOptions<SecurityOptions> security, IOptions<CaseFlowOptions> options)
    {
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(options);
        var secret = LoadKey(security.Value.DataKey, options.Value.DataDirectoryFullPath);
        encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("caseflow:pii:aes-gcm"));
        lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("caseflow:pii:lookup"));
    }

    public string Encrypt(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceBytes + data.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(encryptionKey, TagBytes);
        aes.Encrypt(nonce, data, output.AsSpan(NonceBytes, data.Length), output.AsSpan(NonceBytes + data.Length));
        return Prefix + Convert.ToBase64String(output);
    }

    public string Decrypt(string cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        if (!cipher.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown personal-data cipher format.");
        }

        var input = Convert.FromBase64String(cipher[Prefix.Length..]);
        var length = input.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(encryptionKey, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes, length), input.AsSpan(NonceBytes + length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The lookup hash of an ID number (normalised: full-width digits, spaces and 'x' give the same hash).</summary>
    public string LookupHash(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var normal = Cases.IdNumbers.Normalise(idNumber);
        return Convert.ToHexStringLower(HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes(normal)));
    }

    private static byte[] LoadKey(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured.Trim());
            return key.Length >= 32 ? key : throw new OptionsValidationException(SecurityOptions.Section, typeof(SecurityOptions), ["CaseFlow:Security:DataKey must be at least 32 bytes (base64)."]);
        }

        var path = Path.Combine(dataDirectory, "security", "data-key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var generated = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(generated));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return generated;
    }
}
