using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>A validated profile as arrays: what the hot loops read.</summary>
internal sealed class CompiledProfile
{
    public CompiledProfile(ScoringProfile profile)
    {
        var errors = ProfileValidator.Validate(profile);
        if (errors.Count > 0)
        {
            var first = errors.First();
            throw new ArgumentException(
                $"Profile '{profile.Name}' is not valid: {first.Key}: {first.Value[0]} ({errors.Count} field(s) in error; see ProfileValidator).",
                nameof(profile));
        }

        Profile = profile;
        Indicators = [.. profile.Indicators];
        Entries = [.. Indicators.Select(d => IndicatorCatalog.ByKey[d.Key])];
        PillarKeys = [.. profile.Pillars.Select(p => p.Key)];
        PillarWeights = [.. profile.Pillars.Select(p => p.Weight)];
        IndicatorWeights = [.. Indicators.Select(d => d.Weight)];
        PillarOf = [.. Indicators.Select(d => Array.IndexOf(PillarKeys, d.Pillar))];
        NominalWeights = NominalShares(PillarOf, IndicatorWeights, PillarWeights);
    }

    public ScoringProfile Profile { get; }

    public IndicatorDefinition[] Indicators { get; }

    public IndicatorCatalog.Entry[] Entries { get; }

    public string[] PillarKeys { get; }

    public double[] PillarWeights { get; }

    public double[] IndicatorWeights { get; }

    public int[] PillarOf { get; }

    /// <summary>Each indicator's share of the whole weight when everything is answered (sums to 1): the basis of coverage.</summary>
    public double[] NominalWeights { get; }

    public int IndicatorCount => Indicators.Length;

    public int PillarCount => PillarKeys.Length;

    /// <summary>Writes one municipality's indicator values (after denominators; NaN = missing) into <paramref name="row"/>.</summary>
    public void Values(MunicipalityFacts facts, AssessmentAnswers? answers, Span<double> row, Span<double> raw)
    {
        for (var i = 0; i < Indicators.Length; i++)
        {
            var r = IndicatorCatalog.RawValue(Entries[i], facts, answers);
            raw[i] = r ?? double.NaN;
            var value = IndicatorCatalog.Value(r, Indicators[i].Denominator, facts) ?? double.NaN;
            // A structure the union or the district provides counts with the profile's shared-provision weight.
            row[i] = answers?.ProviderOf(Indicators[i].Key) is { } provider ? value * Profile.SharedProvision.For(provider) : value;
        }
    }

    private static double[] NominalShares(int[] pillarOf, double[] indicatorWeights, double[] pillarWeights)
    {
        var pillarIndicatorSum = new double[pillarWeights.Length];
        for (var i = 0; i < pillarOf.Length; i++)
        {
            pillarIndicatorSum[pillarOf[i]] += indicatorWeights[i];
        }

        // Pillars without any weighted indicator cannot take part (the validator rejects such a pillar with weight).
        var pillarSum = 0.0;
        for (var p = 0; p < pillarWeights.Length; p++)
        {
            pillarSum += pillarIndicatorSum[p] > 0 ? pillarWeights[p] : 0;
        }

        var shares = new double[pillarOf.Length];
        for (var i = 0; i < pillarOf.Length; i++)
        {
            var p = pillarOf[i];
            shares[i] = pillarIndicatorSum[p] > 0 ? pillarWeights[p] / pillarSum * indicatorWeights[i] / pillarIndicatorSum[p] : 0;
        }

        return shares;
    }
}
