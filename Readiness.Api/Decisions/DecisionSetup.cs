using Microsoft.Extensions.DependencyInjection.Extensions;
using Readiness.Api.Runs;
using Readiness.Api.Webhooks;
using Readiness.Data.BaseData;
using Readiness.Data.Decisions;

namespace Readiness.Api.Decisions;

internal static class DecisionSetup
{
    /// <summary>Pair decisions, measures and the events they send; the run reads the decisions through <see cref="IRunDecisionSource"/>.</summary>
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddOptions<DecisionOptions>().BindConfiguration(DecisionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PairDecisionStore>();
        services.TryAddSingleton<MeasureStore>();
        services.AddWebhooks();
        services.TryAddSingleton<IRunDecisionSource, RunDecisionSource>();
        services.TryAddSingleton<IRunPublishedListener, RunPublishedListener>();
        services.AddOptions<Measures.MeasureOptions>().BindConfiguration(Measures.MeasureOptions.Section)
            .Validate(o => o.FieldsOfAction is null || o.FieldsOfAction.All(f => !string.IsNullOrWhiteSpace(f)), "Readiness:Measures:FieldsOfAction must not hold empty names.")
            .ValidateOnStart();
        return services;
    }
}
