using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api;

public sealed class OpenApiDocumentTests
{
    [Test]
    public async Task SwaggerJson_IsAValidDocument_WithEveryOperationDescribed()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/swagger/v1/swagger.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var stream = await response.Content.ReadAsStreamAsync();
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());

        Assert.That(result.Diagnostic?.Errors, Is.Empty, string.Join("\n", result.Diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        var document = result.Document!;
        Assert.That(document.Info.Description, Does.Contain("Destatis").And.Contain("Zensus 2022").And.Contain("GeoBasis-DE / BKG"));

        var operations = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Operation: o.Value))).ToList();
        Assert.That(operations.Select(o => o.Path), Does.Contain("/api/v1/municipalities/{ags}"));
        foreach (var (path, operation) in operations)
        {
            Assert.That(operation.OperationId, Is.Not.Null.And.Not.Empty, path);
            Assert.That(operation.Summary, Is.Not.Null.And.Not.Empty, path);
            Assert.That(operation.Description, Is.Not.Null.And.Not.Empty, path);
            Assert.That(operation.Responses!.Keys.Where(status => status.StartsWith('2')), Is.Not.Empty, path);
        }
    }
}
