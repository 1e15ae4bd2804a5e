namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// The z-score standardisation of one run: z = (value − mean) / standard deviation, per feature, with
/// the population standard deviation (as scikit-learn's StandardScaler). Kept with the run so its
/// centroids can be read back in feature units and the next run can compare against them.
/// </summary>
public sealed record FeatureScaling(IReadOnlyList<string> Names, IReadOnlyList<double> Means, IReadOnlyList<double> StandardDeviations)
{
    /// <summary>Means and spreads of the columns of <paramref name="rows"/>; a constant column gets spread 1 so it stays 0.</summary>
    internal static FeatureScaling Fit(IReadOnlyList<string> names, double[][] rows)
    {
        var d = names.Count;
        var means = new double[d];
        var sds = new double[d];
        for (var f = 0; f < d; f++)
        {
            var mean = 0.0;
            foreach (var row in rows)
            {
                mean += row[f];
            }

            mean /= rows.Length;
            var variance = 0.0;
            foreach (var row in rows)
            {
                variance += (row[f] - mean) * (row[f] - mean);
            }

            means[f] = mean;
            var sd = Math.Sqrt(variance / rows.Length);
            sds[f] = sd > 1e-12 ? sd : 1;
        }

        return new FeatureScaling(names, means, sds);
    }

    public double[] Standardise(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var z = new double[Names.Count];
        for (var f = 0; f < z.Length; f++)
        {
            z[f] = (values[f] - Means[f]) / StandardDeviations[f];
        }

        return z;
    }

    public double[] ToFeatureUnits(IReadOnlyList<double> z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var values = new double[Names.Count];
        for (var f = 0; f < values.Length; f++)
        {
            values[f] = Means[f] + z[f] * StandardDeviations[f];
        }

        return values;
    }
}
