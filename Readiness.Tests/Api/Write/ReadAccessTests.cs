using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

public sealed class ReadAccessTests
{
    [Test]
    public async Task Reads_AreAnonymousByDefault_ButABadKeyIsRefused()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();

        using var anonymous = await client.GetAsync($"/api/v1/municipalities/{Andechs}/assessments");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var badKey = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/districts", "rdy_typo"));
        await badKey.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task RequireKeyForReads_NeedsAReaderKeyUnderApi_ButNotForHealthOrSwagger()
    {
        await using var factory = new ReadinessFactory().With("Readiness:Auth:RequireKeyForReads", "true");
        using var client = factory.CreateClient();

        using var anonymous = await client.GetAsync("/api/v1/districts");
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);

        using var reader = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/districts", factory.CreateKey(Role.Reader)));
        Assert.That(reader.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var health = await client.GetAsync("/health");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var document = await LoadDocument(client);
        Assert.That(document.Paths["/api/v1/districts"].Operations![HttpMethod.Get].Security, Is.Not.Null.And.Not.Empty);
        // /health never needs a key: at most "key optional" (an empty requirement beside the scheme).
        var healthSecurity = document.Paths["/health"].Operations![HttpMethod.Get].Security;
        Assert.That(healthSecurity is null || healthSecurity.Count == 0 || healthSecurity.Any(requirement => requirement.Count == 0), Is.True);
    }

    [Test]
    public async Task OpenApi_DeclaresTheApiKeyScheme_OnExactlyTheOperationsThatNeedIt()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();

        var document = await LoadDocument(client);

        var scheme = document.Components!.SecuritySchemes!["ApiKey"];
        Assert.That((scheme.Type, scheme.In, scheme.Name), Is.EqualTo((SecuritySchemeType.ApiKey, ParameterLocation.Header, "X-Api-Key")));
        var secured = document.Paths
            // A key is required where every security requirement names the scheme (no empty "key optional" one).
            .SelectMany(p => p.Value.Operations!.Where(o => o.Value.Security is { Count: > 0 } security && security.All(r => r.Count > 0))
                .Select(o => $"{o.Key.Method} {p.Key}"))
            .Order()
            .ToList();
        Assert.That(secured, Is.EquivalentTo(new[]
        {
            "GET /api/v1/audit",
            "GET /api/v1/webhooks",
            "GET /api/v1/webhooks/{id}/deliveries",
            "PATCH /api/v1/districts/{key}/measures/{id}",
            "POST /api/v1/assessments/import",
            "POST /api/v1/districts/{key}/measures",
            "POST /api/v1/municipalities/{ags}/assessments",
            "POST /api/v1/municipalities/{ags}/recommendations/{indicator}/measure",
            "POST /api/v1/pairings/decisions",
            "POST /api/v1/runs",
            "POST /api/v1/webhooks",
            "PUT /api/v1/profiles/{name}",
        }));
        var post = document.Paths["/api/v1/municipalities/{ags}/assessments"].Operations![HttpMethod.Post];
        Assert.That(post.Responses!.Keys, Does.Contain("401").And.Contain("403").And.Contain("201"));
        Assert.That(post.Description, Does.Contain("planner"));
        var import = document.Paths["/api/v1/assessments/import"].Operations![HttpMethod.Post];
        Assert.That(import.RequestBody!.Content!.Keys, Is.EquivalentTo(new[] { "text/csv", "application/json" }));
    }

    private static async Task<OpenApiDocument> LoadDocument(HttpClient client)
    {
        await using var stream = await client.GetStreamAsync("/swagger/v1/swagger.json");
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());
        Assert.That(result.Diagnostic?.Errors, Is.Empty);
        return result.Document!;
    }
}
