using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>Scores all municipalities at once under a profile.</summary>
public static class ReadinessScorer
{
    /// <summary>
    /// Scores every input. Min-max and rank normalisation take their reference distribution from
    /// exactly these inputs, so pass all municipalities the ranking is about (for a district view,
    /// still score all and filter afterwards). Results keep the input order.
    /// </summary>
    /// <exception cref="ArgumentException">The profile is invalid, or an AGS occurs twice.</exception>
    public static ScoringRun Score(ScoringProfile profile, IReadOnlyList<ScoringInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(inputs);
        var compiled = new CompiledProfile(profile);
        var n = inputs.Count;
        var m = compiled.IndicatorCount;
        var raw = new double[n * m];
        var values = new double[n * m];
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var r = 0; r < n; r++)
        {
            var input = inputs[r] ?? throw new ArgumentException($"Input {r} is null.", nameof(inputs));
            if (!index.TryAdd(input.Facts.Ags, r))
            {
                throw new ArgumentException($"AGS {input.Facts.Ags} occurs more than once in the inputs.", nameof(inputs));
            }

            compiled.Values(input.Facts, input.Answers, values.AsSpan(r * m, m), raw.AsSpan(r * m, m));
        }

        var normalizer = new Normalizer(compiled, values, n);
        var normalized = normalizer.Matrix(profile.Normalization.Method, values, n);
        var results = new MunicipalityScore[n];
        for (var r = 0; r < n; r++)
        {
            results[r] = TierCap.Apply(profile, Aggregator.Build(
                compiled, inputs[r].Facts.Ags, raw.AsSpan(r * m, m), values.AsSpan(r * m, m), normalized.AsSpan(r * m, m)), inputs[r].Answers);
        }

        return new ScoringRun(compiled, inputs, results, index, values, normalizer);
    }
}

/// <summary>
/// The scores of one profile over one set of municipalities, with the frozen normalisation
/// context needed to score changed answers (recommendations, what-if) against the same reference.
/// </summary>
public sealed class ScoringRun
{
    private readonly Dictionary<string, int> index;

    internal ScoringRun(
        CompiledProfile compiled, IReadOnlyList<ScoringInput> inputs, IReadOnlyList<MunicipalityScore> results,
        Dictionary<string, int> index, double[] values, Normalizer normalizer)
    {
        Compiled = compiled;
        Inputs = inputs;
        Results = results;
        this.index = index;
        Values = values;
        Normalizer = normalizer;
    }

    public ScoringProfile Profile => Compiled.Profile;

    /// <summary>The inputs, in the order given.</summary>
    public IReadOnlyList<ScoringInput> Inputs { get; }

    /// <summary>One result per input, same order.</summary>
    public IReadOnlyList<MunicipalityScore> Results { get; }

    internal CompiledProfile Compiled { get; }

    /// <summary>Row-major n × m indicator values (after denominators), NaN for missing.</summary>
    internal double[] Values { get; }

    internal Normalizer Normalizer { get; }

    /// <summary>Position of a municipality in <see cref="Results"/>, or -1.</summary>
    public int IndexOf(string ags) => index.TryGetValue(ags, out var i) ? i : -1;

    /// <summary>
    /// Scores municipality <paramref name="row"/> with other answers, against the same reference:
    /// goalposts as always; min-max bounds as frozen in this run; rank among the other municipalities'
    /// values as they are. With its own answers it reproduces <see cref="Results"/>[row] exactly.
    /// </summary>
    public MunicipalityScore Rescore(int row, AssessmentAnswers? answers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Results.Count);
        return ScoreRow(Inputs[row].Facts, answers, Values.AsSpan(row * Compiled.IndicatorCount, Compiled.IndicatorCount));
    }

    /// <summary>Scores a municipality that is not part of this run against this run's reference.</summary>
    public MunicipalityScore ScoreOutsider(MunicipalityFacts facts, AssessmentAnswers? answers)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Span<double> none = stackalloc double[Compiled.IndicatorCount];
        none.Fill(double.NaN);
        return ScoreRow(facts, answers, none);
    }

    private MunicipalityScore ScoreRow(MunicipalityFacts facts, AssessmentAnswers? answers, ReadOnlySpan<double> ownReference)
    {
        var m = Compiled.IndicatorCount;
        Span<double> raw = stackalloc double[m];
        Span<double> values = stackalloc double[m];
        Span<double> normalized = stackalloc double[m];
        Compiled.Values(facts, answers, values, raw);
        var method = Profile.Normalization.Method;
        for (var i = 0; i < m; i++)
        {
            normalized[i] = Normalizer.Normalize(method, i, values[i], ownReference[i]);
        }

        return TierCap.Apply(Profile, Aggregator.Build(Compiled, facts.Ags, raw, values, normalized), answers);
    }
}
