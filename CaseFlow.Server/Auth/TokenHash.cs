using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.Server.Auth;

/// <summary>Hashes bearer tokens for storage and lookup.</summary>
public static class TokenHash
{
    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
