using System.Net;
using System.Text.Json.Nodes;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Api.Write;
using Readiness.Tests.Support;

namespace Readiness.Tests.Contract;

/// <summary>
/// The live answers of every GET operation of openapi/v1.json match the document: each operation is called with real
/// values for its path parameters (several municipalities and districts, inside and outside Bavaria), and each JSON
/// answer is checked against the documented schema of its status, nulls included; other media types by content type.
/// </summary>
public sealed class LiveAnswersTests
{
    private static readonly string[] Municipalities = ["09188117", "09188139", "09162000", "09171114", "01001000", "09188132", "09188145"];
    private static readonly string[] Districts = ["09188", "09162", "01001"];

    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private JsonNode document = null!;
    private OpenApiSchemaValidator validator = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory();
        client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", factory.CreateKey(Role.Admin));
        document = JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiContractTests.RepositoryRoot(), "openapi", "v1.json")))!;
        validator = new OpenApiSchemaValidator(document);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task EveryGetOperation_AnswersAsDocumented()
    {
        var errors = new List<string>();
        var checkedOperations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } operation)
            {
                continue;
            }

            var urls = await UrlsAsync(path, operation);
            Assert.That(urls, Is.Not.Empty, $"no values for the parameters of {path}");
            foreach (var url in urls)
            {
                errors.AddRange(await CheckAsync(url, operation));
            }

            checkedOperations++;
        }

        Assert.That(checkedOperations, Is.GreaterThanOrEqualTo(28));
        Assert.That(errors, Is.Empty, string.Join("\n", errors.Take(30)));
    }

    [Test]
    public void Validator_RefusesANullTheDocumentDoesNotAllow()
    {
        var schema = JsonNode.Parse("""{ "type": "object", "properties": { "a": { "allOf": [ { "$ref": "#/components/schemas/MunicipalityRefDto" } ] } } }""")!;
        Assert.That(validator.Validate(JsonNode.Parse("""{ "a": null }"""), schema, "$"), Is.Not.Empty);
        schema["properties"]!["a"]!["nullable"] = true;
        Assert.That(validator.Validate(JsonNode.Parse("""{ "a": null }"""), schema, "$"), Is.Empty);
        Assert.That(validator.Validate(JsonNode.Parse("""{ "a": { "ags": 9 } }"""), schema, "$"), Is.Not.Empty, "a number where a string is documented");
    }

    private async Task<List<string>> CheckAsync(string url, JsonNode operation)
    {
        var response = await client.GetAsync(url);
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documented = operation["responses"]![status];
        if (documented is null)
        {
            return [$"GET {url}: status {status} is not documented"];
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var content = documented["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            return [];
        }

        if (content[mediaType] is not { } media)
        {
            return [$"GET {url}: {mediaType} is not among the documented {string.Join(", ", content.Select(c => c.Key))}"];
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || media["schema"] is not { } schema)
        {
            return [];
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return [.. validator.Validate(body, schema, $"GET {url}")];
    }

    /// <summary>The URLs to call for an operation: its path with real values, and the query parameters it requires.</summary>
    private async Task<List<string>> UrlsAsync(string path, JsonNode operation)
    {
        var query = operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "since") == true
            ? $"?since={await CurrentRunAsync()}"
            : path.Contains("/export/", StringComparison.Ordinal) ? "?district=09188" : "";
        IEnumerable<string> urls = [path];
        urls = Expand(urls, "{ags}", Municipalities);
        urls = Expand(urls, "{key}", Districts);
        urls = Expand(urls, "{name}", ["default"]);
        urls = Expand(urls, "{mentee}", ["09188117"]);
        urls = Expand(urls, "{mentor}", ["09188132"]);
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            var ids = path switch
            {
                _ when path.StartsWith("/api/v1/peer-groups", StringComparison.Ordinal) => await IdsAsync("/api/v1/peer-groups", "id"),
                _ when path.StartsWith("/api/v1/shared-services", StringComparison.Ordinal) => await IdsAsync("/api/v1/shared-services?district=09188", "id"),
                _ when path.StartsWith("/api/v1/runs", StringComparison.Ordinal) => [await CurrentRunAsync()],
                // Measures and webhooks start empty: their answer for an id is the documented 404 (or 401 without a key).
                _ when path.Contains("/measures/", StringComparison.Ordinal) || path.StartsWith("/api/v1/webhooks", StringComparison.Ordinal) => ["1"],
                _ => [],
            };
            urls = path.Contains("/assessments/", StringComparison.Ordinal)
                ? await AssessmentUrlsAsync()
                : Expand(urls, "{id}", ids);
        }

        var list = urls.Select(u => u + query).ToList();
        if (!path.Contains('{', StringComparison.Ordinal) && path.StartsWith("/api/v1/", StringComparison.Ordinal) && query.Length == 0
            && operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "district") == true)
        {
            list.Add(path + "?district=09188&pageSize=500");
            list.Add(path + "?state=09&pageSize=500");
        }

        return list;
    }

    private async Task<List<string>> AssessmentUrlsAsync()
    {
        var urls = new List<string>();
        foreach (var ags in Municipalities.Take(3))
        {
            var history = JsonNode.Parse(await client.GetStringAsync($"/api/v1/municipalities/{ags}/assessments"))!;
            urls.AddRange(((history as JsonArray) ?? history["items"]!.AsArray()).Take(1).Select(a => $"/api/v1/municipalities/{ags}/assessments/{a!["id"]}"));
        }

        return urls;
    }

    private async Task<string> CurrentRunAsync() =>
        JsonNode.Parse(await client.GetStringAsync("/api/v1/runs/current"))!["id"]!.ToString();

    private async Task<List<string>> IdsAsync(string url, string property)
    {
        var page = JsonNode.Parse(await client.GetStringAsync(url))!;
        return [.. ((page as JsonArray) ?? page["items"]!.AsArray()).Take(3).Select(i => i![property]!.ToString())];
    }

    private static IEnumerable<string> Expand(IEnumerable<string> urls, string placeholder, IReadOnlyList<string> values) =>
        urls.SelectMany(u => u.Contains(placeholder, StringComparison.Ordinal) ? values.Select(v => u.Replace(placeholder, v, StringComparison.Ordinal)) : [u]);
}
