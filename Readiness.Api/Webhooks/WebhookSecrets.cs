using Microsoft.AspNetCore.DataProtection;
using Readiness.Data.Decisions;

namespace Readiness.Api.Webhooks;

/// <summary>
/// Webhook secrets at rest: the service must sign with them, so they cannot be hashed like API keys; they are encrypted
/// with ASP.NET Core Data Protection instead, whose key ring lives in the data folder (<c>keys/</c>) apart from the
/// database. A copy of the database (a backup, an export, a support case) then holds no usable secret.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Readiness.Webhooks.Secret");

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>The secret to sign with. A plain <c>whsec_</c> value was stored before secrets were protected (see <see cref="WebhookSecretUpgrade"/>).</summary>
    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.StartsWith(WebhookSignature.Prefix, StringComparison.Ordinal) ? stored : protector.Unprotect(stored);
    }
}

/// <summary>At start, protects the secrets of subscriptions registered while they were stored in plain text.</summary>
internal sealed class WebhookSecretUpgrade(WebhookStore store, WebhookSecrets secrets) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.ProtectPlainSecrets(WebhookSignature.Prefix, secrets.Protect);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
