using Microsoft.Data.Sqlite;
using Readiness.Benchmarks.Sizes;
using Readiness.Data;
using Readiness.Data.Assessments;
using Readiness.Data.BaseData;
using Readiness.Scoring.Geo;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Runs;
using Readiness.Scoring.Scores;
using Readiness.Scoring.SharedServices;

namespace Readiness.Benchmarks.Algorithms;

/// <summary>
/// What the algorithms of one size work on, read once from the size's database (base data and the
/// assessments that count), and the results earlier stages hand to later ones, computed once.
/// </summary>
internal sealed class AlgorithmInputs
{
    private static readonly Dictionary<string, AlgorithmInputs> Loaded = new(StringComparer.Ordinal);

    private AlgorithmInputs(BenchSize size)
    {
        var database = Database.ForFile(BenchDatabases.Template(size, Console.Out));
        using (var connection = database.Open())
        {
            BaseData = BaseDataReader.Read(connection);
            Answers = AssessmentStore.Current(connection).ToDictionary(a => a.Ags, a => a.Answers, StringComparer.Ordinal);
        }

        SqliteConnection.ClearAllPools();
        Municipalities = BaseData.Municipalities;
        Keys = [.. Municipalities.Where(m => m.Location is not null).Select(m => m.Ags)];
        Points = [.. Municipalities.Where(m => m.Location is not null).Select(m => m.Location!.Value)];
        PeerGroups = PeerGroupClustering.Compute(Municipalities);
        PeerGroupOf = PeerGroups.Members.ToDictionary(m => m.Ags, m => m.GroupId, StringComparer.Ordinal);
        Scores = RunComputation.ScoreProfile(DefaultProfile.Instance, Municipalities, Answers, PeerGroupOf, WithoutRobustness.Instance);
        DistrictKeys = [.. Municipalities.Select(m => m.DistrictKey)];
        PeerKeys = [.. Municipalities.Select(m => PeerGroupOf.TryGetValue(m.Ags, out var id) ? $"peer-group:{id}" : $"district:{m.DistrictKey}")];
        Pairing = RunComputation.PairingInputs(Municipalities, Answers, Scores, new Dictionary<string, int>(PeerGroupOf, StringComparer.Ordinal), Municipalities);
        PairingOptions = new PairingOptions() with { StructureWeights = RunComputation.StructureWeights(DefaultProfile.Instance) };
        SharedServices = RunComputation.SharedServiceInputs(Municipalities, Answers);
    }

    public BaseDataSnapshot BaseData { get; }

    public IReadOnlyList<MunicipalityFacts> Municipalities { get; }

    public IReadOnlyDictionary<string, AssessmentAnswers> Answers { get; }

    public List<string> Keys { get; }

    public List<GeoPoint> Points { get; }

    public PeerGroupResult PeerGroups { get; }

    public IReadOnlyDictionary<string, int> PeerGroupOf { get; }

    public ProfileResult Scores { get; }

    public List<string> DistrictKeys { get; }

    public List<string> PeerKeys { get; }

    public List<PairingMunicipality> Pairing { get; }

    public PairingOptions PairingOptions { get; }

    public List<SharedServiceMunicipality> SharedServices { get; }

    public static AlgorithmInputs For(string size)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(size, out var inputs))
            {
                Loaded[size] = inputs = new AlgorithmInputs(BenchSize.Parse(size));
            }

            return inputs;
        }
    }

    /// <summary>Runs every stage but the robustness analysis, which it leaves out (null).</summary>
    internal sealed class WithoutRobustness : IStageRunner
    {
        public static readonly WithoutRobustness Instance = new();

        public T Stage<T>(string name, Func<T> work, Func<T, IReadOnlyDictionary<string, long>>? counts = null) =>
            name.StartsWith(RunComputation.RobustnessStage, StringComparison.Ordinal) ? default! : work();
    }
}
