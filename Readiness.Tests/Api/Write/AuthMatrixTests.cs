using System.Net;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

/// <summary>Each write operation × each kind of caller → the right status, and nothing written when refused.</summary>
public sealed class AuthMatrixTests
{
    public enum Caller
    {
        NoKey,
        UnknownKey,
        RevokedKey,
        Reader,
        PlannerOfAnotherDistrict,
        PlannerOfThisDistrict,
        Admin,
    }

    public enum Operation
    {
        AddAssessment,
        Import,
        ListAudit,
        PutProfile,
        StartRun,
    }

    private static readonly Dictionary<Operation, HttpStatusCode[]> Expected = new()
    {
        [Operation.AddAssessment] = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.Created],
        [Operation.Import] = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK],
        [Operation.ListAudit] = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK],
        [Operation.PutProfile] = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created],
        [Operation.StartRun] = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Accepted],
    };

    private string profileBody = null!;

    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private Dictionary<Caller, string?> keys = null!;

    public static IEnumerable<TestCaseData> Cases() =>
        from operation in Enum.GetValues<Operation>()
        from caller in Enum.GetValues<Caller>()
        select new TestCaseData(operation, caller, Expected[operation][(int)caller]).SetArgDisplayNames(operation.ToString(), caller.ToString());

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory();
        client = factory.CreateClient();
        keys = new()
        {
            [Caller.NoKey] = null,
            [Caller.UnknownKey] = "rdy_" + new string('x', 43),
            [Caller.RevokedKey] = factory.CreateRevokedKey(Role.Admin),
            [Caller.Reader] = factory.CreateKey(Role.Reader),
            [Caller.PlannerOfAnotherDistrict] = factory.CreateKey(Role.Planner, WeilheimSchongau),
            [Caller.PlannerOfThisDistrict] = factory.CreateKey(Role.Planner, Starnberg),
            [Caller.Admin] = factory.CreateKey(Role.Admin),
        };
        var definition = System.Text.Json.Nodes.JsonNode.Parse(client.GetStringAsync("/api/v1/profiles/default").GetAwaiter().GetResult())!["definition"]!.AsObject();
        definition.Remove("name");
        definition["nightly"] = false;
        profileBody = definition.ToJsonString();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Operation_AnswersByRole_AndWritesOnlyWhenAllowed(Operation operation, Caller caller, HttpStatusCode expected)
    {
        var before = factory.Written();
        using var request = operation switch
        {
            Operation.AddAssessment => Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", keys[caller], Json(ValidBody(note: $"matrix {caller}"))),
            Operation.Import => Request(HttpMethod.Post, "/api/v1/assessments/import", keys[caller],
                Csv($"ags;referenceDate;network;note\n{Andechs};2025-03-01;ja;{caller}\n{Feldafing};2025-03-01;nein;{caller}\n")),
            Operation.PutProfile => Request(HttpMethod.Put, $"/api/v1/profiles/matrix-{caller.ToString().ToLowerInvariant()}", keys[caller], Json(profileBody)),
            Operation.StartRun => Request(HttpMethod.Post, "/api/v1/runs", keys[caller]),
            _ => Request(HttpMethod.Get, "/api/v1/audit", keys[caller]),
        };

        using var response = await client.SendAsync(request);

        var after = factory.Written();
        if ((int)expected >= 400)
        {
            await response.ReadProblemAsync(expected);
            Assert.That(after, Is.EqualTo(before), "a refused request writes nothing");
        }
        else
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
            var (assessments, audit) = operation switch
            {
                Operation.AddAssessment => (1, 1),
                Operation.Import => (2, 1),
                Operation.PutProfile or Operation.StartRun => (0, 1),
                _ => (0, 0),
            };
            Assert.That(after, Is.EqualTo((before.Assessments + assessments, before.Audit + audit)));
        }

        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("X-Api-Key"));
        }
    }
}
