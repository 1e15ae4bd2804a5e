using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Readiness.Scoring.Scores;

namespace Readiness.Tests.Scoring.Scores;

public sealed class ProfileJsonTests
{
    // What the API configures: camelCase and kebab-case enum strings.
    private static readonly JsonSerializerOptions ApiLike = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    [Test]
    public void DefaultProfile_RoundTrips()
    {
        var profile = DefaultProfile.Instance with { Normalization = new() { Method = NormalizationMethod.MinMax }, Aggregation = AggregationMethod.Geometric };

        var json = JsonSerializer.Serialize(profile, ScoringJson.Options);
        var back = JsonSerializer.Deserialize<ScoringProfile>(json, ApiLike)!;

        Assert.That(JsonSerializer.Serialize(back, ScoringJson.Options), Is.EqualTo(json));
        Assert.That(back.Indicators, Is.EqualTo(profile.Indicators));
        Assert.That(back.Pillars, Is.EqualTo(profile.Pillars));
        Assert.That((back.Normalization, back.Tiers, back.Robustness), Is.EqualTo((profile.Normalization, profile.Tiers, profile.Robustness)));
        Assert.That(ProfileValidator.Validate(back), Is.Empty);
    }

    [Test]
    public void Enums_AreWrittenAsKebabCaseStrings()
    {
        var profile = DefaultProfile.Instance with { Normalization = new() { Method = NormalizationMethod.MinMax }, Aggregation = AggregationMethod.Geometric };

        var node = JsonNode.Parse(JsonSerializer.Serialize(profile, ApiLike))!;

        Assert.That((string?)node["normalization"]!["method"], Is.EqualTo("minmax"));
        Assert.That((string?)node["aggregation"], Is.EqualTo("geometric"));
        Assert.That((double?)node["coverageFloor"], Is.EqualTo(2.0 / 3).Within(1e-12));
        var budget = node["indicators"]!.AsArray().Single(i => (string?)i!["key"] == "integrationBudgetEur")!;
        Assert.That((string?)budget["denominator"], Is.EqualTo("per-1000-residents"));
        Assert.That((string?)budget["direction"], Is.EqualTo("higher-is-better"));
        Assert.That(JsonSerializer.Serialize(ReadinessTier.InsufficientData, ApiLike), Is.EqualTo("\"insufficient-data\""));
        Assert.That(JsonSerializer.Serialize(IndicatorDenominator.Per1000ForeignResidents, ApiLike), Is.EqualTo("\"per-1000-foreign-residents\""));
    }

    [Test]
    public void HandWrittenProfile_Reads_WithDefaultsForWhatIsLeftOut()
    {
        const string json = """
            {
              "name": "lean",
              "pillars": [ { "key": "structures", "weight": 1 } ],
              "indicators": [
                { "key": "migrantOrganisations", "pillar": "structures", "denominator": "per-1000-foreign-residents", "floor": 0, "target": 3, "weight": 2 },
                { "key": "yearsOfIntegrationWork", "pillar": "structures", "direction": "lower-is-better", "floor": 10, "target": 0 }
              ],
              "normalization": { "method": "rank" },
              "tiers": { "developing": 20, "established": 45, "experienced": 65 }
            }
            """;

        var profile = JsonSerializer.Deserialize<ScoringProfile>(json, ScoringJson.Options)!;

        Assert.That(profile.Indicators[0], Is.EqualTo(new IndicatorDefinition
        {
            Key = "migrantOrganisations",
            Pillar = "structures",
            Denominator = IndicatorDenominator.Per1000ForeignResidents,
            Floor = 0,
            Target = 3,
            Weight = 2,
        }));
        Assert.That(profile.Indicators[1].Direction, Is.EqualTo(IndicatorDirection.LowerIsBetter));
        Assert.That(profile.Normalization, Is.EqualTo(new NormalizationSettings { Method = NormalizationMethod.Rank, WinsorLower = 0.05, WinsorUpper = 0.95 }));
        Assert.That((profile.Aggregation, profile.CoverageFloor, profile.Robustness.Draws), Is.EqualTo((AggregationMethod.Arithmetic, 2.0 / 3, 1000)));
        Assert.That(ProfileValidator.Validate(profile), Is.Empty);
    }
}
