using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Write;

/// <summary>Keys, requests and row counts for the write-path tests, straight on the factory's database.</summary>
internal static class WriteSupport
{
    /// <summary>Two municipalities in Landkreis Starnberg (09188) and one in Weilheim-Schongau (09190).</summary>
    public const string Andechs = "09188117";
    public const string Feldafing = "09188118";
    public const string Starnberg = "09188";
    public const string WeilheimSchongau = "09190";

    public static Database Database(this ReadinessFactory factory) => factory.OpenDatabase();

    /// <summary>Creates a key as the CLI would and returns the secret.</summary>
    public static string CreateKey(this ReadinessFactory factory, Role role, params string[] districts) =>
        new ApiKeyStore(factory.Database()).Create($"test {role} {Guid.NewGuid():N}", role, districts, AuditActor.CommandLine()).Secret;

    public static string CreateRevokedKey(this ReadinessFactory factory, Role role)
    {
        var store = new ApiKeyStore(factory.Database());
        var created = store.Create($"revoked {Guid.NewGuid():N}", role, [], AuditActor.CommandLine());
        store.Revoke(created.Key.Name, AuditActor.CommandLine());
        return created.Secret;
    }

    public static long Count(this ReadinessFactory factory, string table)
    {
        using var connection = factory.Database().Open();
        return connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}");
    }

    /// <summary>Rows written by the API: assessments and audit entries other than key management.</summary>
    public static (long Assessments, long Audit) Written(this ReadinessFactory factory)
    {
        using var connection = factory.Database().Open();
        return (connection.ExecuteScalar<long>("SELECT count(*) FROM assessments"),
            connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action NOT LIKE 'key.%'"));
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, string? key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static ByteArrayContent Csv(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var content = new ByteArrayContent(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>A valid assessment; give each a <paramref name="note"/> of its own where the same body is sent twice (identical ones are duplicates).</summary>
    public static string ValidBody(string date = "2025-06-30", string note = "test") =>
        $$"""{"referenceDate": "{{date}}", "contactPerson": true, "paidStaffFte": 0.5, "activeVolunteers": 12, "note": "{{note}}"}""";
}
