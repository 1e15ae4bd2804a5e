namespace Readiness.Scoring.Scores;

/// <summary>
/// The robustness analysis' precomputed data: for each normalisation method the normalised matrix
/// of the ranked municipalities (missing as 0) and one answered-mask (1/0), so that a draw is only
/// multiply-adds with no branches on missing values and no allocation.
/// </summary>
internal sealed class DrawModel
{
    private readonly double[][] normalized;
    private readonly double[] answered;
    private readonly int[] pillarOf;
    private readonly double[] baseIndicatorWeights;
    private readonly double[] basePillarWeights;
    private readonly int rows;

    private DrawModel(double[][] normalized, double[] answered, CompiledProfile cp, int rows)
    {
        this.normalized = normalized;
        this.answered = answered;
        pillarOf = cp.PillarOf;
        baseIndicatorWeights = cp.IndicatorWeights;
        basePillarWeights = cp.PillarWeights;
        this.rows = rows;
    }

    public int IndicatorCount => pillarOf.Length;

    public int PillarCount => basePillarWeights.Length;

    public static DrawModel Create(ScoringRun run, int[] ranked, IReadOnlyList<NormalizationMethod> methods)
    {
        var cp = run.Compiled;
        var m = cp.IndicatorCount;
        var all = run.Results.Count;
        var answered = new double[ranked.Length * m];
        var matrices = new double[methods.Count][];
        for (var t = 0; t < methods.Count; t++)
        {
            var full = run.Normalizer.Matrix(methods[t], run.Values, all);
            var matrix = new double[ranked.Length * m];
            for (var r = 0; r < ranked.Length; r++)
            {
                for (var i = 0; i < m; i++)
                {
                    var v = full[(ranked[r] * m) + i];
                    matrix[(r * m) + i] = double.IsNaN(v) ? 0 : v;
                    answered[(r * m) + i] = double.IsNaN(v) ? 0 : 1;
                }
            }

            matrices[t] = matrix;
        }

        return new DrawModel(matrices, answered, cp, ranked.Length);
    }

    /// <summary>Base weights each times a uniform factor in [1 − p, 1 + p]; renormalisation happens in <see cref="Score"/>.</summary>
    public void Perturb(ref SplitMix64 rng, double p, double[] indicatorWeights, double[] pillarWeights)
    {
        for (var i = 0; i < indicatorWeights.Length; i++)
        {
            indicatorWeights[i] = baseIndicatorWeights[i] * (1 + (p * ((2 * rng.NextDouble()) - 1)));
        }

        for (var q = 0; q < pillarWeights.Length; q++)
        {
            pillarWeights[q] = basePillarWeights[q] * (1 + (p * ((2 * rng.NextDouble()) - 1)));
        }
    }

    /// <summary>Scores (0..1) of every ranked municipality under the given weights, with the same renormalisation as the scorer.</summary>
    public void Score(int method, bool geometric, double[] indicatorWeights, double[] pillarWeights, double[] scores)
    {
        var matrix = normalized[method];
        var m = pillarOf.Length;
        Span<double> sum = stackalloc double[pillarWeights.Length];
        Span<double> weight = stackalloc double[pillarWeights.Length];
        for (var r = 0; r < rows; r++)
        {
            sum.Clear();
            weight.Clear();
            var offset = r * m;
            for (var i = 0; i < m; i++)
            {
                var w = indicatorWeights[i];
                sum[pillarOf[i]] += w * matrix[offset + i];
                weight[pillarOf[i]] += w * answered[offset + i];
            }

            double total = 0, totalWeight = 0;
            for (var q = 0; q < pillarWeights.Length; q++)
            {
                if (weight[q] > 0)
                {
                    var pillarScore = sum[q] / weight[q];
                    total += pillarWeights[q] * (geometric ? Math.Log(Math.Max(pillarScore, Aggregator.GeometricFloor)) : pillarScore);
                    totalWeight += pillarWeights[q];
                }
            }

            var mean = totalWeight > 0 ? total / totalWeight : 0;
            scores[r] = geometric ? Math.Exp(mean) : mean;
        }
    }
}
