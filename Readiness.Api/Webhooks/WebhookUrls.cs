using System.Net.Sockets;
using System.Net;
using Readiness.Api.Localization;

namespace Readiness.Api.Webhooks;

/// <summary>
/// Where deliveries may go: https to public addresses only, so a subscription cannot reach the service's own network
/// (server-side request forgery). The host's resolved addresses are checked, at registration and before every delivery.
/// </summary>
internal static class WebhookUrls
{
    /// <summary>Null when <paramref name="text"/> may be used; otherwise why not.</summary>
    public static async Task<string?> RefuseAsync(string? text, bool allowLoopback, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return Texts.Get("Webhook.Url");
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return Texts.Format("Webhook.Unresolved", uri.Host);
        }

        if (addresses.Length == 0)
        {
            return Texts.Format("Webhook.NoAddress", uri.Host);
        }

        var loopback = addresses.All(IPAddress.IsLoopback);
        if (loopback && allowLoopback)
        {
            return null;
        }

        if (uri.Scheme != "https")
        {
            return Texts.Get("Webhook.Https");
        }

        return addresses.FirstOrDefault(a => !IsPublic(a)) is { } inner
            ? Texts.Format("Webhook.NotPublic", uri.Host, inner)
            : null;
    }

    /// <summary>Not loopback, private (RFC 1918, unique local), link-local, shared (CGNAT), unspecified or multicast.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224);
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }
}
