using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Readiness.Tests.Support;

internal static class HttpAssertions
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonNode.Parse(body) ?? throw new AssertionException("empty body");
    }

    /// <summary>Asserts an RFC 9457 problem with the given status; for 400s, that <paramref name="field"/> is named under errors.</summary>
    public static async Task<JsonNode> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonNode.Parse(body)!;
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)expected));
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.That(errors, Is.Not.Null, body);
            Assert.That(errors!.Select(e => e.Key), Does.Contain(field), body);
        }

        return problem;
    }

    public static T Get<T>(this JsonNode node, string property) =>
        node[property] is { } value ? value.GetValue<T>() : throw new AssertionException($"missing {property} in {node.ToJsonString()}");

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
