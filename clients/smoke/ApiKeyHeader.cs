using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Readiness.Smoke;

/// <summary>
/// Sends the API key in <c>X-Api-Key</c>, as the document's ApiKey scheme says. (Kiota's own
/// ApiKeyAuthenticationProvider insists on https; the smoke test talks to a loopback http address.)
/// </summary>
internal sealed class ApiKeyHeader(string key) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("X-Api-Key", key);
        return Task.CompletedTask;
    }
}
