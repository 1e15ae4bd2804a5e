namespace Readiness.Scoring.Scores;

/// <summary>
/// Brings indicator values to 0..1 by each of the three methods. Goalposts need nothing but the
/// profile; min-max and rank are fixed once from the values of all municipalities scored together
/// (the reference set) and then stay frozen, so a what-if or a re-score is judged against the
/// same distribution.
/// </summary>
internal sealed class Normalizer
{
    private readonly CompiledProfile profile;
    private readonly double[] capLow;
    private readonly double[] capHigh;
    private readonly double[] minMaxLow;
    private readonly double[] minMaxHigh;
    private readonly double[][] sortedCapped;

    /// <param name="profile">The compiled profile.</param>
    /// <param name="values">Row-major n × m indicator values, NaN for missing.</param>
    /// <param name="rows">n, the number of municipalities in the reference set.</param>
    public Normalizer(CompiledProfile profile, double[] values, int rows)
    {
        this.profile = profile;
        var m = profile.IndicatorCount;
        var settings = profile.Profile.Normalization;
        capLow = new double[m];
        capHigh = new double[m];
        minMaxLow = new double[m];
        minMaxHigh = new double[m];
        sortedCapped = new double[m][];
        var column = new List<double>(rows);
        for (var i = 0; i < m; i++)
        {
            column.Clear();
            for (var r = 0; r < rows; r++)
            {
                var v = values[(r * m) + i];
                if (!double.IsNaN(v))
                {
                    column.Add(v);
                }
            }

            var sorted = column.ToArray();
            Array.Sort(sorted);
            if (sorted.Length == 0)
            {
                sortedCapped[i] = [];
                continue;
            }

            capLow[i] = Percentile(sorted, settings.WinsorLower);
            capHigh[i] = Percentile(sorted, settings.WinsorUpper);
            // Winsorising a rare yes/no answer can leave no range at all (5th and 95th percentile both 0):
            // min-max then falls back to the full range rather than making the indicator meaningless.
            (minMaxLow[i], minMaxHigh[i]) = capHigh[i] > capLow[i] ? (capLow[i], capHigh[i]) : (sorted[0], sorted[^1]);
            var capped = new double[sorted.Length];
            for (var k = 0; k < sorted.Length; k++)
            {
                capped[k] = Math.Clamp(sorted[k], capLow[i], capHigh[i]);
            }

            sortedCapped[i] = capped;
        }
    }

    /// <summary>
    /// Normalises <paramref name="value"/> of indicator <paramref name="i"/>. For rank,
    /// <paramref name="ownReferenceValue"/> is this municipality's value in the reference set (NaN
    /// if it has none), so that it is ranked against the others only.
    /// </summary>
    public double Normalize(NormalizationMethod method, int i, double value, double ownReferenceValue)
    {
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        var indicator = profile.Indicators[i];
        var n = method switch
        {
            NormalizationMethod.Goalposts => Math.Clamp((value - indicator.Floor) / (indicator.Target - indicator.Floor), 0, 1),
            NormalizationMethod.MinMax => MinMax(i, value),
            NormalizationMethod.Rank => Rank(i, value, ownReferenceValue),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown normalization method."),
        };

        // Goalposts carry the direction in floor and target; the others rank low-to-high and flip.
        return method != NormalizationMethod.Goalposts && indicator.Direction == IndicatorDirection.LowerIsBetter ? 1 - n : n;
    }

    /// <summary>The whole matrix for one method (row-major n × m, NaN for missing).</summary>
    public double[] Matrix(NormalizationMethod method, double[] values, int rows)
    {
        var m = profile.IndicatorCount;
        var result = new double[rows * m];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < m; i++)
            {
                var v = values[(r * m) + i];
                result[(r * m) + i] = Normalize(method, i, v, v);
            }
        }

        return result;
    }

    private double MinMax(int i, double value)
    {
        var (low, high) = (minMaxLow[i], minMaxHigh[i]);
        if (sortedCapped[i].Length == 0)
        {
            return 0.5;
        }

        if (high > low)
        {
            return (Math.Clamp(value, low, high) - low) / (high - low);
        }

        // Everybody answered the same: only a different value can stand out.
        return value > low ? 1 : value < low ? 0 : 0.5;
    }

    // Mid-rank among the others: (others below + half of the others equal) / number of others.
    private double Rank(int i, double value, double ownReferenceValue)
    {
        var sorted = sortedCapped[i];
        var v = sorted.Length == 0 ? value : Math.Clamp(value, capLow[i], capHigh[i]);
        var below = LowerBound(sorted, v);
        var equal = LowerBound(sorted, Math.BitIncrement(v)) - below;
        var others = sorted.Length;
        if (!double.IsNaN(ownReferenceValue) && sorted.Length > 0)
        {
            var own = Math.Clamp(ownReferenceValue, capLow[i], capHigh[i]);
            others--;
            if (own < v)
            {
                below--;
            }
            else if (own == v)
            {
                equal--;
            }
        }

        return others > 0 ? (below + (0.5 * equal)) / others : 0.5;
    }

    private static int LowerBound(double[] sorted, double v)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < v)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Percentile with linear interpolation between closest ranks (type 7, as R and NumPy by default).</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}
