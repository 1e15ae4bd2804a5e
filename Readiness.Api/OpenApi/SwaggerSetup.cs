using System.Reflection;
using Microsoft.OpenApi;
using Readiness.Scoring.Scores;
using Swashbuckle.AspNetCore.SwaggerGen;

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
            foreach (var assembly in new[] { Assembly.GetExecutingAssembly(), typeof(ScoringProfile).Assembly })
            {
                options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml"), includeControllerXmlComments: false);
            }
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();

            // A property that refers to another schema keeps its own description and nullability (allOf wrapper, OpenAPI 3.0).
            options.UseAllOfToExtendReferenceSchemas();
            options.AddServer(new OpenApiServer { Url = "/", Description = "The service that serves this document." });
            options.OperationFilter<QueryParameterNamesFilter>();
            options.OperationFilter<StandardResponsesFilter>();
            options.OperationFilter<RunETagFilter>();
            options.SchemaFilter<ProblemSchemasFilter>();
            options.SchemaFilter<TierSchemaFilter>();
            options.SchemaFilter<NullableReferencesFilter>();
            var schemaIds = new SchemaGeneratorOptions().SchemaIdSelector;
            options.CustomSchemaIds(type => type == typeof(ReadinessTier) ? TierSchemaFilter.SchemaId : schemaIds(type));
            options.DocumentFilter<DocumentOrderFilter>();
        });

        // After every other filter: the examples find the media types a feature's own filter documents, and the
        // endpoint's summary and description win over a handler's XML comment.
        services.PostConfigure<SwaggerGenOptions>(options =>
        {
            options.OperationFilter<EndpointSummaryFilter>();
            options.OperationFilter<ExampleFilter>();
        });
        return services;
    }

    private static string Description() =>
        "Readiness scores each municipality's readiness to carry its district's integration plan, groups municipalities "
        + "into peer groups of similar framework conditions, pairs less active municipalities with experienced neighbours "
        + "and groups small neighbours for shared services.\n\n"
        + "Conventions: JSON in camelCase, enums as kebab-case strings, shares as fractions 0..1, distances in km, money in EUR, "
        + "dates ISO 8601. Errors are RFC 9457 problem details. Result endpoints answer from the current published run "
        + "(`?run=` for an earlier one) with the run's ETag. A property that is not required may be absent; one that may be null "
        + "says `nullable: true` (on the `allOf` wrapper where it refers to another schema).\n\n"
        + "Language: machine values (tiers, flags, indicator and structure keys, enum values) are fixed English codes; every text "
        + "meant for a person (`tierLabel`, `label`, `text`, `title`, `explanation`, problem `title` and `detail`) is German by "
        + "default and English with `Accept-Language: en`; answers say `Content-Language` and vary by `Accept-Language` (ETag "
        + "included). docs/glossar.md lists the terms.\n\n"
        + "Stability: within v1 the contract changes only by addition: new operations, new optional parameters, new response "
        + "fields, new CSV columns at the end, new values of open lists such as `flags`, offers or stage names. Clients must ignore "
        + "fields they do not know. The values of enums (tier, dataQuality, status, ...) are fixed within v1. Renaming or removing anything, or changing a type or meaning, needs /api/v2; a deprecated "
        + "operation is marked `deprecated` here and answers with a `Deprecation` header for at least six months before v2 "
        + "removes it. The document is checked in as openapi/v1.json, so every change to it is reviewed.\n\n"
        + "Data sources and licences:\n\n"
        + string.Join("\n", Attribution.Lines.Select(line => $"- {line}"));
}
