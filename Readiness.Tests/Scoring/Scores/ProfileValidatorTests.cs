using Readiness.Scoring.Scores;

namespace Readiness.Tests.Scoring.Scores;

public sealed class ProfileValidatorTests
{
    private static readonly ScoringProfile Valid = DefaultProfile.Instance;

    private static ScoringProfile WithIndicator(int index, Func<IndicatorDefinition, IndicatorDefinition> change) =>
        Valid with { Indicators = [.. Valid.Indicators.Select((d, i) => i == index ? change(d) : d)] };

    private static IEnumerable<TestCaseData> Broken()
    {
        TestCaseData Case(string path, ScoringProfile profile) => new TestCaseData(profile, path).SetArgDisplayNames(path);

        yield return Case("name", Valid with { Name = "Mein Profil" });
        yield return Case("indicators[2].floor", WithIndicator(2, d => d with { Floor = 1, Target = 1 }));
        yield return Case("indicators[2].floor", WithIndicator(2, d => d with { Floor = 2, Target = 1 }));
        yield return Case("indicators[3].floor", WithIndicator(3, d => d with { Direction = IndicatorDirection.LowerIsBetter }));
        yield return Case("indicators[1].target", WithIndicator(1, d => d with { Target = double.NaN }));
        yield return Case("indicators[0].weight", WithIndicator(0, d => d with { Weight = -1 }));
        yield return Case("indicators[4].key", WithIndicator(4, d => d with { Key = "happiness" }));
        yield return Case("indicators[5].key", WithIndicator(5, d => d with { Key = IndicatorKeys.ContactPerson }));
        yield return Case("indicators[6].pillar", WithIndicator(6, d => d with { Pillar = "culture" }));
        yield return Case("indicators[0].denominator", WithIndicator(0, d => d with { Denominator = IndicatorDenominator.Per1000Residents }));
        yield return Case("indicators", Valid with { Indicators = [.. Valid.Indicators.Select(d => d with { Weight = 0 })] });
        yield return Case("indicators", Valid with { Indicators = [] });
        yield return Case("pillars", Valid with { Pillars = [.. Valid.Pillars.Select(p => p with { Weight = 0 })] });
        yield return Case("pillars[3].key", Valid with { Pillars = [.. Valid.Pillars, Valid.Pillars[0]] });
        yield return Case("pillars[2].weight", Valid with { Pillars = [Valid.Pillars[0], Valid.Pillars[1], Valid.Pillars[2] with { Weight = double.PositiveInfinity }] });
        yield return Case("pillars[2].weight", Valid with
        {
            Indicators = [.. Valid.Indicators.Select(d => d.Pillar == DefaultProfile.Experience ? d with { Weight = 0 } : d)],
        });
        yield return Case("coverageFloor", Valid with { CoverageFloor = 0 });
        yield return Case("coverageFloor", Valid with { CoverageFloor = 1.2 });
        yield return Case("tiers.established", Valid with { Tiers = new() { Developing = 40, Established = 40, Experienced = 80 } });
        yield return Case("tiers.experienced", Valid with { Tiers = new() { Developing = 20, Established = 50, Experienced = 45 } });
        yield return Case("tiers.developing", Valid with { Tiers = new() { Developing = 0, Established = 50, Experienced = 70 } });
        yield return Case("normalization.winsorLower", Valid with { Normalization = new() { WinsorLower = 0.6 } });
        yield return Case("normalization.winsorUpper", Valid with { Normalization = new() { WinsorUpper = 0.4 } });
        yield return Case("migrantRepresentationThreshold", Valid with { MigrantRepresentationThreshold = 12 });
        yield return Case("robustness.draws", Valid with { Robustness = new() { Draws = 0 } });
        yield return Case("robustness.weightPerturbation", Valid with { Robustness = new() { WeightPerturbation = 1 } });
    }

    [Test]
    public void DefaultProfile_IsValid() =>
        Assert.That(ProfileValidator.Validate(Valid), Is.Empty);

    [TestCaseSource(nameof(Broken))]
    public void Validate_ReportsTheRuleAtItsJsonPath(ScoringProfile profile, string path)
    {
        var errors = ProfileValidator.Validate(profile);

        Assert.That(errors.Keys, Is.EqualTo(new[] { path }), string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.That(errors[path], Is.Not.Empty.And.All.Not.Empty);
    }

    [Test]
    public void Validate_ExplainsFloorAndTarget()
    {
        var errors = ProfileValidator.Validate(WithIndicator(2, d => d with { Floor = 2, Target = 1 }));

        Assert.That(errors["indicators[2].floor"], Is.EqualTo(new[] { "floor must be below target when higher is better" }));
    }

    [Test]
    public void Validate_ToleratesNullsFromJson()
    {
        var profile = Valid with { Indicators = null!, Pillars = null!, Tiers = null!, Robustness = null!, Normalization = null! };

        var errors = ProfileValidator.Validate(profile);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "indicators", "pillars", "tiers", "robustness", "normalization" }));
    }
}
