using System.Text;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

/// <summary>
/// Hundreds of generated bad bodies (fixed seed) against the write endpoints: each gets a 4xx
/// problem, never a 5xx, and nothing is written.
/// </summary>
public sealed class BadBodyTests
{
    private const int Seed = 20251;
    private const int PerEndpoint = 120;

    private static readonly string[] Flags = ["contactPerson", "network", "volunteerCoordination", "migrantCouncil", "integrationConcept", "councilResolution", "intermunicipalExchange", "volunteerAllowance"];
    private static readonly string[] Numbers = ["paidStaffFte", "integrationBudgetEur", "yearsOfIntegrationWork"];
    private static readonly string[] Counts = ["activeVolunteers", "migrantOrganisations"];

    private static readonly string[] BadJsonFlag = ["\"ja\"", "1", "0", "[]", "{}", "\"true\"", "1e400", "NaN"];
    private static readonly string[] BadJsonNumber = ["\"abc\"", "\"0.5\"", "true", "1e400", "-1e400", "-1", "1e12", "[1]", "{}", "Infinity", "0x10", "01"];
    private static readonly string[] BadJsonCount = [.. BadJsonNumber, "1.5", "2147483648", "-0.5"];
    private static readonly string[] BadJsonDate = ["\"2025-13-01\"", "\"30.06.2025\"", "20250101", "\"9999-12-31\"", "\"1900-01-01\"", "true", "null", "\"\""];
    private static readonly string[] BadJsonAgs = ["9188117", "\"0918811\"", "\"09188999\"", "null", "\"abcdefgh\"", "[\"09188117\"]"];
    private static readonly string[] BadJsonNote = ["123", "true", "[]", $"\"{new string('n', 2_001)}\""];

    private static readonly string[] BadCellFlag = ["vielleicht", "2", "ja!", "-", "tru"];
    private static readonly string[] BadCellNumber = ["abc", "1.000,5", "1e5", "-1", "∞", "1,2,3", "NaN", "1 000", "5000000000"];
    private static readonly string[] BadCellCount = [.. BadCellNumber, "1,5", "-3"];
    private static readonly string[] BadCellDate = ["2025-02-30", "tomorrow", "31.12.1999", "2099-01-01", "2025/01/01"];
    private static readonly string[] BadCellAgs = ["123", "0918811x", "09188999", "9188117"];

    private static readonly string[] WrongContentTypes = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png"];

    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string key = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory().With("Readiness:RateLimit:WritesPerWindow", "100000");
        client = factory.CreateClient();
        key = factory.CreateKey(Role.Admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task GeneratedBadBodies_GetA4xxProblem_AndWriteNothing()
    {
        var random = new Random(Seed);
        var cases = new List<(string Url, string Description, HttpContent Content)>();
        for (var i = 0; i < PerEndpoint; i++)
        {
            cases.Add(($"/api/v1/municipalities/{Andechs}/assessments", "single", BadSingle(random)));
            cases.Add(("/api/v1/assessments/import", "json import", BadJsonImport(random)));
            cases.Add(("/api/v1/assessments/import", "csv import", BadCsvImport(random)));
        }

        var before = factory.Written();
        var failures = new List<string>();
        var statuses = new Dictionary<string, int>();
        foreach (var (url, description, content) in cases)
        {
            var sent = content.Headers.ContentType + " " + Shorten(await content.ReadAsStringAsync());
            using var response = await client.SendAsync(Request(HttpMethod.Post, url, key, content));
            var status = (int)response.StatusCode;
            statuses[$"{description} {status}"] = statuses.GetValueOrDefault($"{description} {status}") + 1;
            if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{description}: {status} {response.Content.Headers.ContentType} for {sent}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        TestContext.Out.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(300));
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    private static StringContent BadSingle(Random random) => random.Next(10) switch
    {
        0 => Json(Truncate(random, SingleObject(random, []))),
        1 => WrongType(random, SingleObject(random, [])),
        2 => Json(RandomBytes(random)),
        3 => Json(new string('[', 500 + random.Next(500)) + new string(']', 500)),
        4 => Json(SingleObject(random, [($"x_{random.Next(1000)}", "1")])),
        _ => Json(SingleObject(random, [Corruption(random, withAgs: false)])),
    };

    private static StringContent BadJsonImport(Random random)
    {
        var rows = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => SingleObject(random, [("ags", $"\"{Andechs}\"")])).ToList();
        return random.Next(8) switch
        {
            0 => Json(Truncate(random, $"[{string.Join(",", rows)}]")),
            1 => Json(random.Next(3) switch { 0 => "{}", 1 => "\"rows\"", _ => "42" }),
            2 => WrongType(random, $"[{string.Join(",", rows)}]"),
            _ => Json($"[{string.Join(",", rows.Append(SingleObject(random, [("ags", $"\"{Feldafing}\""), Corruption(random, withAgs: true)])).OrderBy(_ => random.Next()))}]"),
        };
    }

    private static HttpContent BadCsvImport(Random random)
    {
        var columns = new List<string> { "ags", "referenceDate" };
        columns.AddRange(Flags.Concat(Numbers).Concat(Counts).Where(_ => random.Next(2) == 0));
        var separator = random.Next(2) == 0 ? ';' : ',';
        var rows = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => columns.Select(c => ValidCell(random, c, separator)).ToArray()).ToList();
        var target = rows[random.Next(rows.Count)];
        var column = random.Next(columns.Count);
        var header = string.Join(separator, columns);
        switch (random.Next(8))
        {
            case 0:
                header += $"{separator}unknownColumn";
                break;
            case 1:
                target[column] += $"{separator}extra";
                break;
            case 2 when columns.Count > 2:
                target[column] = target[column] + target[column + 1 < columns.Count ? column + 1 : column - 1];
                target[column + 1 < columns.Count ? column + 1 : column - 1] = null!;
                break;
            case 3 when random.Next(2) == 0:
                target[column] = "\"unterminated " + target[column];
                break;
            case 3:
                return Csv(Encoding.Latin1.GetString(RandomBytes(random).Select(c => (byte)c).ToArray()));
            default:
                target[column] = BadCell(random, columns[column]);
                break;
        }

        var text = header + "\n" + string.Join("\n", rows.Select(r => string.Join(separator, r.Where(c => c is not null)))) + "\n";
        return random.Next(10) == 0 ? WrongType(random, text) : Csv(text, bom: random.Next(2) == 0);
    }

    private static string SingleObject(Random random, List<(string Name, string Value)> extra)
    {
        var fields = new List<(string Name, string Value)> { ("referenceDate", "\"2025-06-30\"") };
        fields.AddRange(Flags.Where(_ => random.Next(3) == 0).Select(f => (f, random.Next(2) == 0 ? "true" : "false")));
        fields.AddRange(Numbers.Where(_ => random.Next(3) == 0).Select(f => (f, (random.Next(0, 900) / 10.0).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        fields.AddRange(Counts.Where(_ => random.Next(3) == 0).Select(f => (f, random.Next(0, 500).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        foreach (var (name, value) in extra)
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, value));
        }

        return "{" + string.Join(", ", fields.OrderBy(_ => random.Next()).Select(f => $"\"{f.Name}\": {f.Value}")) + "}";
    }

    private static (string, string) Corruption(Random random, bool withAgs)
    {
        var kind = random.Next(withAgs ? 7 : 6);
        return kind switch
        {
            0 => (Pick(random, Flags), Pick(random, BadJsonFlag)),
            1 => (Pick(random, Numbers), Pick(random, BadJsonNumber)),
            2 => (Pick(random, Counts), Pick(random, BadJsonCount)),
            3 => ("referenceDate", Pick(random, BadJsonDate)),
            4 => ("note", Pick(random, BadJsonNote)),
            5 => ($"unknown{random.Next(100)}", "true"),
            _ => ("ags", Pick(random, BadJsonAgs)),
        };
    }

    private static string ValidCell(Random random, string column, char separator) => column switch
    {
        "ags" => Pick(random, [Andechs, Feldafing, "09188120", "09188121"]),
        "referenceDate" => Pick(random, ["2025-06-30", "30.06.2025", "2024-01-01"]),
        _ when Flags.Contains(column) => Pick(random, ["ja", "nein", "true", "0", "", "Yes"]),
        _ when Counts.Contains(column) => random.Next(0, 300).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => separator == ';' ? "12,5" : "12.5",
    };

    private static string BadCell(Random random, string column) => column switch
    {
        "ags" => Pick(random, BadCellAgs),
        "referenceDate" => Pick(random, BadCellDate),
        _ when Flags.Contains(column) => Pick(random, BadCellFlag),
        _ when Counts.Contains(column) => Pick(random, BadCellCount),
        _ => Pick(random, BadCellNumber),
    };

    private static StringContent WrongType(Random random, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        var type = Pick(random, [.. WrongContentTypes, "none"]);
        if (type == "none")
        {
            content.Headers.ContentType = null;
        }
        else
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        }

        return content;
    }

    private static string Truncate(Random random, string json) => json[..random.Next(json.Length)];

    private static string RandomBytes(Random random)
    {
        var chars = new char[1 + random.Next(200)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(1, 256);
        }

        return new string(chars);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
