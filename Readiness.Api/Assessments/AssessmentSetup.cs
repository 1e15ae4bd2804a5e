using Microsoft.Extensions.DependencyInjection.Extensions;
using Readiness.Api.Audit;
using Readiness.Data.Assessments;

namespace Readiness.Api.Assessments;

/// <summary>Services and routes of the planner write path: assessments, import, audit.</summary>
internal static class AssessmentSetup
{
    public static IServiceCollection AddAssessmentWrites(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AssessmentStore>();
        services.TryAddSingleton<MunicipalityKeys>();
        services.TryAddSingleton<AssessmentWriter>();
        services.ConfigureSwaggerGen(options => options.OperationFilter<DocumentedBodyFilter>());
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentWriteEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapAssessmentEndpoints();
        routes.MapAssessmentImportEndpoints();
        routes.MapAuditEndpoints();
        return routes;
    }
}
