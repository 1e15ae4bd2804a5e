using Microsoft.Extensions.DependencyInjection.Extensions;
using Readiness.Data.Decisions;

namespace Readiness.Api.Webhooks;

internal static class WebhookSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookStore>();
        services.TryAddSingleton<WebhookEvents>();
        services.TryAddTransient<WebhookDeliveryJob>();

        // No redirects: a redirect could lead a delivery to an address the URL check would refuse.
        services.AddHttpClient(WebhookDeliveryJob.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
