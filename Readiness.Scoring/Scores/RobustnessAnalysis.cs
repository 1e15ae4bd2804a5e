using Readiness.Scoring.Runs;

namespace Readiness.Scoring.Scores;

/// <summary>
/// Monte-Carlo uncertainty analysis (JRC): each draw multiplies every indicator and pillar weight by
/// a uniform factor in [1 − p, 1 + p], picks the normalisation among goalposts, min-max and rank,
/// and the aggregation between arithmetic and geometric, all with equal chance; then ranks. The
/// municipalities ranked are those the base run scored. Draw d uses its own generator seeded from
/// (seed, d), so the result does not depend on thread scheduling.
/// </summary>
public static class RobustnessAnalysis
{
    private static readonly NormalizationMethod[] Methods = [NormalizationMethod.Goalposts, NormalizationMethod.MinMax, NormalizationMethod.Rank];

    public static RobustnessResult Run(ScoringRun run, IReadOnlyList<RankGrouping>? groupings = null, CancellationToken cancellationToken = default) =>
        Run(run, groupings, RankTableBudget, cancellationToken);

    /// <param name="run">The scores.</param>
    /// <param name="groupings">Rankings within groups besides the overall one.</param>
    /// <param name="rankTableBudget">The most the ranks of all draws may take at once; beyond it the analysis runs in slices.</param>
    /// <param name="cancellationToken">Stops between draws.</param>
    internal static RobustnessResult Run(ScoringRun run, IReadOnlyList<RankGrouping>? groupings, long rankTableBudget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        groupings ??= [];
        var n = run.Results.Count;
        foreach (var grouping in groupings)
        {
            if (grouping.Keys.Count != n)
            {
                throw new ArgumentException($"Grouping '{grouping.Name}' has {grouping.Keys.Count} keys for {n} municipalities.", nameof(groupings));
            }
        }

        var ranked = Enumerable.Range(0, n).Where(r => run.Results[r].Score is not null).ToArray();
        var settings = run.Profile.Robustness;
        var draws = settings.Draws;
        var model = DrawModel.Create(run, ranked, Methods);
        var groupIds = groupings.Select(g => GroupIds(ranked, g.Keys)).ToArray();
        var k = ranked.Length;
        var largest = new[] { k }.Concat(groupIds.Select(LargestGroup)).ToArray();

        // The ranks of every draw are kept until the percentiles are read. Where they would take more than
        // RankTableBudget (Europe's 96,000 LAUs: 600 MB), the municipalities are taken in slices, and the
        // draws are computed again for each slice: the same draws, since each has its own seed.
        var passes = (int)Math.Min(Math.Max(1, k), Math.Max(1, Math.Ceiling(RankTable.Bytes(largest, draws, k) / (double)Math.Max(1, rankTableBudget))));
        var slice = (k + passes - 1) / passes;
        var overall = new RankInterval?[n];
        var byGroupingArrays = groupings.Select(_ => new RankInterval?[n]).ToArray();
        var ranks = new RankTable(largest, draws, 0, Math.Min(slice, k));
        for (var first = 0; first < k; first += Math.Max(1, slice))
        {
            if (first > 0)
            {
                ranks.Reuse(first, Math.Min(slice, k - first));
            }

            Parallel.For(
                0,
                draws,
                StageParallelism.Options(cancellationToken: cancellationToken),
                () => new DrawBuffers(k, model, groupIds),
                (d, _, buffers) =>
                {
                    var rng = SplitMix64.ForStream((ulong)settings.Seed, (ulong)d);
                    var method = rng.NextInt(Methods.Length);
                    var geometric = rng.NextDouble() < 0.5;
                    model.Perturb(ref rng, settings.WeightPerturbation, buffers.IndicatorWeights, buffers.PillarWeights);
                    model.Score(method, geometric, buffers.IndicatorWeights, buffers.PillarWeights, buffers.Scores, buffers.PillarSums, buffers.PillarWeightSums);
                    RankDraw(buffers, groupIds, ranks, k, d);
                    return buffers;
                },
                _ => { });

            Summarise(ranks, 0, ranked, overall);
            for (var g = 0; g < groupIds.Length; g++)
            {
                Summarise(ranks, g + 1, ranked, byGroupingArrays[g]);
            }
        }

        var byGrouping = new Dictionary<string, IReadOnlyList<RankInterval?>>(StringComparer.Ordinal);
        for (var g = 0; g < groupIds.Length; g++)
        {
            byGrouping[groupings[g].Name] = byGroupingArrays[g];
        }

        return new RobustnessResult(draws, overall, byGrouping);
    }

    /// <summary>The most the rank table may take before the analysis runs in slices of the municipalities.</summary>
    internal const long RankTableBudget = 320L << 20;

    // Competition ranks ("1, 2, 2, 4") overall and within each group: one draw's ranks of one ranking are
    // one contiguous row of the table, so the scattered writes stay in cache.
    private static void RankDraw(DrawBuffers b, int[][] groupIds, RankTable ranks, int k, int d)
    {
        RadixSort.ByScoreDescending(b.Scores.AsSpan(0, k), b.Keys, b.KeysScratch, b.Order, b.OrderScratch, b.Histogram);
        for (var g = 0; g < groupIds.Length; g++)
        {
            Array.Clear(b.GroupPosition[g]);
        }

        var rank = 0;
        for (var j = 0; j < k; j++)
        {
            var r = b.Order[j];
            var key = b.Keys[j];
            if (j == 0 || key != b.Keys[j - 1])
            {
                rank = j + 1;
            }

            ranks.Set(0, d, r, rank);
            for (var g = 0; g < groupIds.Length; g++)
            {
                var group = groupIds[g][r];
                var position = ++b.GroupPosition[g][group];
                if (position == 1 || key != b.GroupLastKey[g][group])
                {
                    b.GroupRank[g][group] = position;
                    b.GroupLastKey[g][group] = key;
                }

                ranks.Set(g + 1, d, r, b.GroupRank[g][group]);
            }
        }
    }

    // Nearest-rank percentiles, so the interval's ends are ranks that actually occurred. Municipalities are
    // taken in blocks, gathered into one row of all draws each (see RankTable.Gather).
    private static void Summarise(RankTable ranks, int slot, int[] ranked, RankInterval?[] result)
    {
        const int block = 64;
        var draws = ranks.Draws;
        var k = ranks.Count;
        Parallel.For(
            0,
            (k + block - 1) / block,
            StageParallelism.Options(),
            () => (Rows: new uint[block * draws], Scratch: new uint[draws]),
            (blockIndex, _, buffers) =>
            {
                var first = blockIndex * block;
                var count = Math.Min(block, k - first);
                ranks.Gather(slot, first, count, buffers.Rows);
                for (var j = 0; j < count; j++)
                {
                    var row = buffers.Rows.AsSpan(j * draws, draws);
                    RadixSort.Sort(row, buffers.Scratch);
                    result[ranked[ranks.First + first + j]] = new RankInterval((int)row[NearestRank(0.5, draws)], (int)row[NearestRank(0.05, draws)], (int)row[NearestRank(0.95, draws)]);
                }

                return buffers;
            },
            _ => { });
    }

    private static int LargestGroup(int[] groupIds)
    {
        if (groupIds.Length == 0)
        {
            return 0;
        }

        var sizes = new int[groupIds.Max() + 1];
        foreach (var id in groupIds)
        {
            sizes[id]++;
        }

        return sizes.Max();
    }

    private static int NearestRank(double p, int count) => Math.Max(0, (int)Math.Ceiling(p * count) - 1);

    private static int[] GroupIds(int[] ranked, IReadOnlyList<string> keys)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[ranked.Length];
        for (var r = 0; r < ranked.Length; r++)
        {
            var key = keys[ranked[r]] ?? "";
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = ids.Count;
            }

            result[r] = id;
        }

        return result;
    }

    private sealed class DrawBuffers
    {
        public DrawBuffers(int k, DrawModel model, int[][] groupIds)
        {
            Scores = new double[model.PaddedRows];
            PillarSums = new double[model.PillarCount * model.PaddedRows];
            PillarWeightSums = new double[model.PillarCount * model.PaddedRows];
            Keys = new uint[k];
            KeysScratch = new uint[k];
            Order = new int[k];
            OrderScratch = new int[k];
            Histogram = new int[4 * 256];
            IndicatorWeights = new double[model.IndicatorCount];
            PillarWeights = new double[model.PillarCount];
            var groupCounts = groupIds.Select(ids => ids.Length == 0 ? 0 : ids.Max() + 1).ToArray();
            GroupPosition = [.. groupCounts.Select(c => new int[c])];
            GroupRank = [.. groupCounts.Select(c => new int[c])];
            GroupLastKey = [.. groupCounts.Select(c => new uint[c])];
        }

        public double[] Scores { get; }

        public double[] PillarSums { get; }

        public double[] PillarWeightSums { get; }

        public uint[] Keys { get; }

        public uint[] KeysScratch { get; }

        public int[] Order { get; }

        public int[] OrderScratch { get; }

        public int[] Histogram { get; }

        public double[] IndicatorWeights { get; }

        public double[] PillarWeights { get; }

        public int[][] GroupPosition { get; }

        public int[][] GroupRank { get; }

        public uint[][] GroupLastKey { get; }
    }
}
