using System.Reflection;
using Microsoft.OpenApi;

namespace Readiness.Api.OpenApi;

internal static class SwaggerSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddReadinessOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Readiness API",
                Version = "v1",
                Description = Description(),
                Contact = new OpenApiContact { Name = "Readiness maintainers", Url = new Uri("https://github.com/readiness-integration/readiness") },
                License = new OpenApiLicense { Name = "Data: Datenlizenz Deutschland – Namensnennung – 2.0", Url = new Uri("https://www.govdata.de/dl-de/by-2-0") },
            });
            // The API's DTOs and the scoring profile (the one domain type on the wire) carry XML docs.
            foreach (var assembly in new[] { Assembly.GetExecutingAssembly(), typeof(Readiness.Scoring.Scores.ScoringProfile).Assembly })
            {
                options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml"), includeControllerXmlComments: false);
            }
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
        });
        return services;
    }

    private static string Description() =>
        "Readiness scores each municipality's readiness to carry its district's integration plan, groups municipalities "
        + "into peer groups of similar framework conditions, pairs less active municipalities with experienced neighbours "
        + "and groups small neighbours for shared services.\n\n"
        + "Conventions: JSON in camelCase, enums as kebab-case strings, shares as fractions 0..1, distances in km, money in EUR, "
        + "dates ISO 8601. Errors are RFC 9457 problem details.\n\n"
        + "Data sources and licences:\n\n"
        + string.Join("\n", Attribution.Lines.Select(line => $"- {line}"));
}
