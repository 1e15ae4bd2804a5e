using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
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
        services.TryAddSingleton<WebhookSecrets>();
        services.AddHostedService<WebhookSecretUpgrade>();

        // The key ring that protects webhook secrets, in the data folder beside (not inside) the database.
        services.AddDataProtection().SetApplicationName("Readiness");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(DataSetup.DataDirectory(provider), "keys")), provider.GetRequiredService<ILoggerFactory>()));

        // No redirects: a redirect could lead a delivery to an address the URL check would refuse.
        services.AddHttpClient(WebhookDeliveryJob.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
