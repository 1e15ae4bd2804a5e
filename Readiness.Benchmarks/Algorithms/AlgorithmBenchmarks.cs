using BenchmarkDotNet.Attributes;
using Readiness.Scoring.Geo;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Runs;
using Readiness.Scoring.Scores;
using Readiness.Scoring.SharedServices;

namespace Readiness.Benchmarks.Algorithms;

/// <summary>
/// The run's algorithms one by one, at each size, on the size's real inputs (what the run stage gets).
/// Scoring is the scores stage (scores, ranks, flags, recommendations); robustness the 1,000-draw
/// analysis on its result; both together are issue 3's figure. Pairing plus grouping is issue 5's.
/// </summary>
[Config(typeof(AlgorithmConfig))]
public class AlgorithmBenchmarks
{
    private AlgorithmInputs inputs = null!;

    /// <summary>The sizes to measure: set by the <c>algorithms</c> command (<c>--size</c>), all four by default.</summary>
    public static IEnumerable<string> Sizes => AlgorithmConfig.Sizes;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "germany";

    [GlobalSetup]
    public void Load() => inputs = AlgorithmInputs.For(Size);

    [Benchmark(Description = "scoring")]
    public ProfileResult Scoring() =>
        RunComputation.ScoreProfile(DefaultProfile.Instance, inputs.Municipalities, inputs.Answers, inputs.PeerGroupOf, AlgorithmInputs.WithoutRobustness.Instance);

    [Benchmark(Description = "robustness (1,000 draws)")]
    public RobustnessResult Robustness() =>
        RobustnessAnalysis.Run(inputs.Scores.Scoring, [new RankGrouping("district", inputs.DistrictKeys), new RankGrouping("peerGroup", inputs.PeerKeys)]);

    [Benchmark(Description = "scoring + robustness")]
    public ProfileResult ScoringWithRobustness() =>
        RunComputation.ScoreProfile(DefaultProfile.Instance, inputs.Municipalities, inputs.Answers, inputs.PeerGroupOf, PlainStageRunner.Instance);

    [Benchmark(Description = "clustering incl. choice of k")]
    public PeerGroupResult Clustering() => PeerGroupClustering.Compute(inputs.Municipalities);

    [Benchmark(Description = "neighbours (6 nearest, spatial index)")]
    public IReadOnlyList<Neighbour> Neighbours() =>
        NeighbourGraph.FromDistance(inputs.Keys, inputs.Points, Enumerable.Range(0, inputs.Keys.Count), 6);

    [Benchmark(Description = "pairing")]
    public PairingResult Pairing() => MentorAssignment.Solve(inputs.Pairing, inputs.BaseData.Neighbours, inputs.PairingOptions);

    [Benchmark(Description = "grouping (shared services)")]
    public SharedServiceResult Grouping() => SharedServiceGrouping.Group(inputs.SharedServices, inputs.BaseData.Neighbours, new SharedServiceOptions());
}
