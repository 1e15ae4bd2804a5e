using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Readiness.Api.Localization;
using Readiness.Data;

namespace Readiness.Api.Infrastructure;

/// <summary>The service's health.</summary>
/// <param name="Status">healthy.</param>
/// <param name="Municipalities">How many municipalities the store holds.</param>
/// <param name="DatasetVersion">Hash of the base data loaded.</param>
public sealed record HealthDto(string Status, int Municipalities, string? DatasetVersion);

/// <summary>The process answers: a liveness probe's answer, the same every time.</summary>
/// <param name="Status">live.</param>
public sealed record LiveDto(string Status);

internal static class HealthEndpoints
{
    private static readonly LiveDto Live = new("live");

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", GetHealth)
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Is the service up?")
            .WithDescription("200 when the service and its database answer, including one row of the current run's results and the newest "
                + "assessment; 503 with a problem naming what cannot be read otherwise.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // A liveness probe for orchestrators, and the trivial endpoint the read-path benchmark compares
        // against (docs/benchmarks.md): no database, a constant answer. Operational, so not in the contract.
        routes.MapGet("/health/live", GetLive)
            .WithName("GetLive")
            .ExcludeFromDescription();
        return routes;
    }

    internal static Ok<LiveDto> GetLive() => TypedResults.Ok(Live);

    internal static Results<Ok<HealthDto>, ProblemHttpResult> GetHealth(Database database, ILogger<HealthDto> logger)
    {
        try
        {
            var reading = new HealthProbe(database).Read();
            return TypedResults.Ok(new HealthDto("healthy", reading.Municipalities, reading.DatasetVersion));
        }
        catch (Exception exception) when (exception is HealthProbeException or InvalidOperationException or IOException)
        {
            logger.LogError(exception, "Health check failed");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: Texts.Get("Problem.Health.Title"),
                detail: exception is HealthProbeException failure
                    ? Texts.Format("Problem.Health.Part", failure.Part, failure.Reason)
                    : Texts.Get("Problem.Health.Detail"));
        }
    }
}
