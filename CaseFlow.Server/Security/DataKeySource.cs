using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// Where the personal-data key comes from: <c>CaseFlow:Security:DataKey</c> (base64, at least 32 bytes), or, outside
/// Production only (Production refuses to start without the setting), a development key generated once into
/// <c>{DataDirectory}/security/data-key</c> (mode 600).
/// </summary>
public static class DataKeySource
{
    public static byte[] Load(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Parse(configured, "CaseFlow:Security:DataKey");
        }

        var path = DevelopmentKeyPath(dataDirectory);
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

    /// <summary>The generated development key's file.</summary>
    public static string DevelopmentKeyPath(string dataDirectory) => Path.Combine(dataDirectory, "security", "data-key");

    /// <summary>A configured key: base64 of at least 32 bytes, or an error naming <paramref name="setting"/>.</summary>
    public static byte[] Parse(string configured, string setting)
    {
        ArgumentNullException.ThrowIfNull(configured);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured.Trim());
        }
        catch (FormatException)
        {
            throw Invalid(setting, "is not base64");
        }

        return key.Length >= 32 ? key : throw Invalid(setting, "must be at least 32 bytes");
    }

    private static OptionsValidationException Invalid(string setting, string problem) =>
        new(setting, typeof(SecurityOptions), [$"{setting} {problem} (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)."]);
}
