using Readiness.Scoring.Model;

namespace Readiness.Scoring.PeerGroups;

/// <summary>The complete feature values of the input municipalities, which of them were imputed, and their z-scores.</summary>
public sealed class FeatureTable
{
    private FeatureTable(double[][] values, bool[][] imputed, FeatureScaling scaling, double[][] standardised)
    {
        Values = values;
        Imputed = imputed;
        Scaling = scaling;
        Standardised = standardised;
    }

    /// <summary>Feature values in feature units (see <see cref="PeerGroupFeatures"/>), one row per municipality, in input order.</summary>
    public IReadOnlyList<double[]> Values { get; }

    /// <summary>Which cells of <see cref="Values"/> were imputed.</summary>
    public IReadOnlyList<bool[]> Imputed { get; }

    public FeatureScaling Scaling { get; }

    /// <summary>z-scores, one row per municipality: what k-means sees.</summary>
    public IReadOnlyList<double[]> Standardised { get; }

    public static FeatureTable From(IReadOnlyList<MunicipalityFacts> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        if (municipalities.Count == 0)
        {
            throw new ArgumentException("Peer groups need at least one municipality.", nameof(municipalities));
        }

        var raw = municipalities.Select(PeerGroupFeatures.RawValues).ToArray();
        var imputed = municipalities.Select(_ => new bool[PeerGroupFeatures.Count]).ToArray();
        for (var f = 0; f < PeerGroupFeatures.Count; f++)
        {
            MissingFeatureImputer.Impute(municipalities, raw, f, imputed);
        }

        var values = raw.Select(row => row.Select(v => v!.Value).ToArray()).ToArray();
        var scaling = FeatureScaling.Fit(PeerGroupFeatures.Names, values);
        var standardised = values.Select(scaling.Standardise).ToArray();
        return new FeatureTable(values, imputed, scaling, standardised);
    }
}
