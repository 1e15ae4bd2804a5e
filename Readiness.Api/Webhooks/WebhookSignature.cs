using System.Security.Cryptography;
using System.Text;

namespace Readiness.Api.Webhooks;

/// <summary>
/// Signs a delivery the Standard Webhooks way: <c>webhook-signature: v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))</c>.
/// A secret of the form <c>whsec_&lt;base64&gt;</c> is used as the decoded bytes (as the Standard Webhooks libraries do);
/// any other secret as its UTF-8 bytes.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "whsec_";

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var signed = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), signed));
    }

    public static byte[] Key(string secret) =>
        secret.StartsWith(Prefix, StringComparison.Ordinal) ? Convert.FromBase64String(secret[Prefix.Length..]) : Encoding.UTF8.GetBytes(secret);

    /// <summary>A new random secret in the Standard Webhooks form.</summary>
    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
