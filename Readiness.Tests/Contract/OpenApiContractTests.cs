using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Readiness.Tests.Support;

namespace Readiness.Tests.Contract;

/// <summary>
/// The contract partners build on is checked in as openapi/v1.json; the served document must equal it
/// (formatting aside), so every change to the contract is deliberate and shows in review. To accept a
/// change, regenerate the file: <c>READINESS_WRITE_OPENAPI=1 dotnet test --filter FullyQualifiedName~OpenApiContractTests</c>.
/// </summary>
public sealed class OpenApiContractTests
{
    public const string WriteVariable = "READINESS_WRITE_OPENAPI";

    /// <summary>The operations partners use most, which must show an example of what they answer.</summary>
    private static readonly string[] OperationsWithExamples =
    [
        "ListMunicipalities", "GetMunicipality", "GetReadiness", "WhatIfReadiness", "ListReadiness", "ListPairings",
        "GetMunicipalityPairing", "ListSharedServiceGroups", "GetSharedServiceGroup", "AddAssessment", "ImportAssessments",
        "ListRuns", "GetCurrentRun", "GetRun", "StartRun", "ExportReadinessCsv",
        "RecordPairDecision", "GetPairOutcomes", "CreateMeasure", "GetMeasure", "UpdateMeasure", "CreateMeasureFromRecommendation",
        "GetDistrictProgress", "RegisterWebhook", "ListWebhookDeliveries",
    ];

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private JsonNode served = null!;

    [OneTimeSetUp]
    public async Task ReadServedDocument()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        served = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public void ServedDocument_EqualsTheCheckedInOne()
    {
        var path = Path.Combine(RepositoryRoot(), "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllText(path, served.ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n");
            Assert.Pass($"Wrote {path}.");
        }

        Assert.That(File.Exists(path), Is.True, $"openapi/v1.json is missing; create it with {WriteVariable}=1 dotnet test --filter FullyQualifiedName~OpenApiContractTests");
        var checkedIn = JsonNode.Parse(File.ReadAllText(path))!;
        var differences = new List<string>();
        Compare(checkedIn, served, "$", differences);
        Assert.That(differences, Is.Empty,
            "The served OpenAPI document differs from openapi/v1.json. If the change to the contract is intended, regenerate it with "
            + $"{WriteVariable}=1 dotnet test --filter FullyQualifiedName~OpenApiContractTests and commit it. First differences:\n"
            + string.Join("\n", differences.Take(20)));
    }

    [Test]
    public void EverySchemaAndProperty_HasADescription()
    {
        var missing = new List<string>();
        foreach (var (name, schema) in served["components"]!["schemas"]!.AsObject())
        {
            if (schema?["description"] is null)
            {
                missing.Add(name);
            }

            foreach (var (property, value) in schema?["properties"]?.AsObject() ?? [])
            {
                if (value?["description"] is null)
                {
                    missing.Add($"{name}.{property}");
                }
            }
        }

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EveryOperation_IsDescribed_WithItsParametersAndProblems()
    {
        foreach (var (path, method, operation) in Operations())
        {
            var id = operation.Get<string>("operationId");
            Assert.That(operation["summary"]?.ToString(), Is.Not.Null.And.Not.Empty, id);
            Assert.That(operation["description"]?.ToString(), Is.Not.Null.And.Not.Empty, id);
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                Assert.That(parameter!["description"]?.ToString(), Is.Not.Null.And.Not.Empty, $"{id}: {parameter["name"]}");
                Assert.That(parameter.Get<string>("name"), Does.Not.Match("^[A-Z]").Or.EqualTo("If-None-Match").Or.EqualTo("Idempotency-Key"), $"{id}: camelCase query names");
            }

            var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            Assert.That(responses, Does.Contain("401"), $"{id}: a key that is sent must be valid");
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.That(responses, Does.Contain("429"), $"{id}: rate limited");
            }

            var typedQuery = operation["parameters"]?.AsArray()
                .Any(p => p!.Get<string>("in") == "query" && p!["schema"]?["type"]?.ToString() is "integer" or "number" or "boolean") == true;
            if (typedQuery)
            {
                Assert.That(responses, Does.Contain("400"), $"{id}: a query value that does not bind is a validation problem");
            }

            if (operation["security"] is JsonArray security && security.All(requirement => requirement!.AsObject().Count > 0))
            {
                Assert.That(responses, Does.Contain("403"), $"{id}: needs a role");
            }

            if (method == "get" && operation["parameters"]?.AsArray().Any(p => p!.Get<string>("name") == "run") == true)
            {
                Assert.That(responses, Does.Contain("304"), $"{id}: answers from a run with its ETag");
            }
        }
    }

    [Test]
    public void MainOperations_ShowExamples()
    {
        var byId = Operations().ToDictionary(o => o.Operation.Get<string>("operationId"), o => o.Operation);
        foreach (var id in OperationsWithExamples)
        {
            var success = byId[id]["responses"]!.AsObject().First(r => r.Key.StartsWith('2')).Value!;
            Assert.That(success["content"]!.AsObject().Any(c => c.Value!["example"] is not null), Is.True, $"{id}: response example");
            if (byId[id]["requestBody"] is { } body)
            {
                Assert.That(body["content"]!.AsObject().All(c => c.Value!["example"] is not null), Is.True, $"{id}: request example");
            }
        }
    }

    [Test]
    public void Document_DeclaresServerSecurityAndAttribution()
    {
        Assert.That(served["servers"]!.AsArray().Select(s => s!.Get<string>("url")), Is.EqualTo(new[] { "/" }));
        Assert.That(served["components"]!["securitySchemes"]!["ApiKey"]!.Get<string>("name"), Is.EqualTo("X-Api-Key"));
        var info = served["info"]!;
        Assert.That(info["contact"], Is.Not.Null);
        Assert.That(info["license"], Is.Not.Null);
        Assert.That(info.Get<string>("description"), Does.Contain("GeoBasis-DE / BKG").And.Contain("Zensus 2022").And.Contain("Stability"));

        // Every operation declares its security; a key is required (no empty requirement) exactly where a role is, optional elsewhere.
        Assert.That(Operations().Where(o => o.Operation["security"] is null).Select(o => o.Operation.Get<string>("operationId")), Is.Empty);
        var secured = Operations()
            .Where(o => o.Operation["security"]!.AsArray().All(requirement => requirement!.AsObject().Count > 0))
            .Select(o => o.Operation.Get<string>("operationId"));
        Assert.That(secured, Is.EquivalentTo(new[]
        {
            "AddAssessment", "ImportAssessments", "ListAudit", "PutProfile", "StartRun",
            "RecordPairDecision", "CreateMeasure", "UpdateMeasure", "CreateMeasureFromRecommendation",
            "RegisterWebhook", "ListWebhooks", "ListWebhookDeliveries",
        }),
            "the key scheme applies exactly where a role is required");
    }

    private IEnumerable<(string Path, string Method, JsonNode Operation)> Operations() =>
        served["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!)));

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: {(e.ContainsKey(key) ? "removed" : "added")}");
                        continue;
                    }

                    Compare(e[key], a[key], $"{path}.{key}", differences);
                }

                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: {Short(expected)} -> {Short(actual)}");
                }

                break;
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Readiness.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Readiness.sln above the test binaries: run the tests from the repository.");
    }
}
