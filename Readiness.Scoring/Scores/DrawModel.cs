using System.Numerics;
using System.Runtime.InteropServices;

namespace Readiness.Scoring.Scores;

/// <summary>
/// The robustness analysis' precomputed data: for each normalisation method the normalised matrix
/// of the ranked municipalities (missing as 0) and one answered-mask (1/0), column by column, so that
/// a draw is a handful of vectorised multiply-adds over whole columns: no branches on missing
/// values, no allocation. Columns are padded to whole SIMD vectors with unanswered rows.
/// </summary>
internal sealed class DrawModel
{
    private readonly double[][] normalized;
    private readonly double[] answered;
    private readonly int[] pillarOf;
    private readonly double[] baseIndicatorWeights;
    private readonly double[] basePillarWeights;

    private DrawModel(double[][] normalized, double[] answered, CompiledProfile cp, int paddedRows)
    {
        this.normalized = normalized;
        this.answered = answered;
        pillarOf = cp.PillarOf;
        baseIndicatorWeights = cp.IndicatorWeights;
        basePillarWeights = cp.PillarWeights;
        PaddedRows = paddedRows;
    }

    public int IndicatorCount => pillarOf.Length;

    public int PillarCount => basePillarWeights.Length;

    /// <summary>Rows including the padding: the length of every column and score buffer.</summary>
    public int PaddedRows { get; }

    public static DrawModel Create(ScoringRun run, int[] ranked, IReadOnlyList<NormalizationMethod> methods)
    {
        var cp = run.Compiled;
        var m = cp.IndicatorCount;
        var all = run.Results.Count;
        var padded = (ranked.Length + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;
        var answered = new double[m * padded];
        var matrices = new double[methods.Count][];
        for (var t = 0; t < methods.Count; t++)
        {
            var full = run.Normalizer.Matrix(methods[t], run.Values, all);
            var matrix = new double[m * padded];
            for (var r = 0; r < ranked.Length; r++)
            {
                for (var i = 0; i < m; i++)
                {
                    var v = full[(ranked[r] * m) + i];
                    matrix[(i * padded) + r] = double.IsNaN(v) ? 0 : v;
                    answered[(i * padded) + r] = double.IsNaN(v) ? 0 : 1;
                }
            }

            matrices[t] = matrix;
        }

        return new DrawModel(matrices, answered, cp, padded);
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

    /// <summary>
    /// Scores (0..1) of every ranked municipality under the given weights, renormalised like the scorer:
    /// within each pillar over its answered indicators, then over the answered pillars.
    /// </summary>
    /// <param name="method">Index into the methods the model was created with.</param>
    /// <param name="geometric">Geometric rather than arithmetic aggregation of the pillars.</param>
    /// <param name="indicatorWeights">This draw's indicator weights.</param>
    /// <param name="pillarWeights">This draw's pillar weights.</param>
    /// <param name="scores">Output, <see cref="PaddedRows"/> long; the padding rows are to be ignored.</param>
    /// <param name="pillarSums">Scratch of <see cref="PillarCount"/> × <see cref="PaddedRows"/>.</param>
    /// <param name="pillarWeightSums">Scratch of the same size.</param>
    public void Score(
        int method, bool geometric, double[] indicatorWeights, double[] pillarWeights, double[] scores, double[] pillarSums, double[] pillarWeightSums)
    {
        var rows = PaddedRows;
        var matrix = normalized[method];
        Array.Clear(pillarSums);
        Array.Clear(pillarWeightSums);
        for (var i = 0; i < pillarOf.Length; i++)
        {
            var w = new Vector<double>(indicatorWeights[i]);
            var values = Vectors(matrix, i * rows, rows);
            var mask = Vectors(answered, i * rows, rows);
            var sum = Vectors(pillarSums, pillarOf[i] * rows, rows);
            var weight = Vectors(pillarWeightSums, pillarOf[i] * rows, rows);
            for (var k = 0; k < values.Length; k++)
            {
                sum[k] += w * values[k];
                weight[k] += w * mask[k];
            }
        }

        var floor = new Vector<double>(Aggregator.GeometricFloor);
        var output = Vectors(scores, 0, rows);
        for (var k = 0; k < output.Length; k++)
        {
            var total = Vector<double>.Zero;
            var totalWeight = Vector<double>.Zero;
            for (var q = 0; q < pillarWeights.Length; q++)
            {
                var weight = Vectors(pillarWeightSums, q * rows, rows)[k];
                var isAnswered = Vector.GreaterThan(weight, Vector<double>.Zero);
                var pillarScore = Vectors(pillarSums, q * rows, rows)[k] / Vector.ConditionalSelect(isAnswered, weight, Vector<double>.One);
                var term = geometric ? Vector.Log(Vector.Max(pillarScore, floor)) : pillarScore;
                var pillarWeight = new Vector<double>(pillarWeights[q]);
                total += Vector.ConditionalSelect(isAnswered, pillarWeight * term, Vector<double>.Zero);
                totalWeight += Vector.ConditionalSelect(isAnswered, pillarWeight, Vector<double>.Zero);
            }

            // Padding rows have no answer at all: their mean is set to 0 (geometric: the floor) and never ranked.
            var hasAny = Vector.GreaterThan(totalWeight, Vector<double>.Zero);
            var mean = Vector.ConditionalSelect(hasAny, total / Vector.ConditionalSelect(hasAny, totalWeight, Vector<double>.One), Vector<double>.Zero);
            output[k] = geometric ? Vector.ConditionalSelect(hasAny, Vector.Exp(mean), floor) : mean;
        }
    }

    private static Span<Vector<double>> Vectors(double[] array, int start, int length) =>
        MemoryMarshal.Cast<double, Vector<double>>(array.AsSpan(start, length));
}
