using Readiness.Api.Runs;

namespace Readiness.Api.Readiness;

internal static class ReadinessSetup
{
    /// <summary>The readiness answer a run stores; registered wherever runs are computed or served (API and worker).</summary>
    public static IServiceCollection AddReadinessAnswers(this IServiceCollection services) =>
        services.AddSingleton<IReadinessAnswerWriter, ReadinessAnswers>();
}
