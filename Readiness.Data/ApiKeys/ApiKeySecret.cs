using System.Security.Cryptography;
using System.Text;

namespace Readiness.Data.ApiKeys;

/// <summary>
/// Makes and hashes keys. A key is <c>rdy_</c> and 32 random bytes in base64url (256 bits).
/// </summary>
/// <remarks>
/// A plain SHA-256 is enough here, unlike for passwords: slow hashes (PBKDF2, bcrypt, Argon2) exist
/// to make guessing low-entropy secrets expensive, but nobody can guess 256 random bits, however fast
/// the hash. A fast, unsalted hash also lets every request find its key by an indexed lookup.
/// </remarks>
public static class ApiKeySecret
{
    public const string Prefix = "rdy_";

    /// <summary>How much of a key <c>keys list</c> shows: the prefix and 4 random characters.</summary>
    public const int ShownLength = 8;

    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    public static string Shown(string key) => key.Length <= ShownLength ? key : key[..ShownLength];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
