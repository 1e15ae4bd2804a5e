using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>A structure a municipality lacks, what it would add to the score, and how common it is among its peers ahead of it.</summary>
/// <param name="Structure">Key from <see cref="Structures"/>.</param>
/// <param name="ExpectedGain">Score points gained by re-scoring with the structure present; null when the municipality has no score.</param>
/// <param name="PeersHaving">Municipalities of its peer set at a higher tier that have the structure.</param>
/// <param name="PeersAtHigherTier">Municipalities of its peer set at a higher tier (the base of <paramref name="PeersHaving"/>).</param>
public sealed record Recommendation(string Structure, double? ExpectedGain, int PeersHaving, int PeersAtHigherTier);

/// <summary>
/// Recommends the structures a municipality is known to lack (answered "no"; an unanswered one is
/// unknown, not lacking). Each gain is computed by re-scoring with the structure present against the
/// same reference; paid staff is added as <see cref="RecommendedPaidStaffFte"/> FTE. Peers are the
/// municipalities with the same peer key (the district, later the peer group); best gain first.
/// </summary>
public sealed class Recommender
{
    /// <summary>Paid staff recommended to a municipality without any: a half position, a realistic first step that can be shared.</summary>
    public const double RecommendedPaidStaffFte = 0.5;

    private const int TierCount = 5;
    private readonly ScoringRun run;
    private readonly IReadOnlyList<string> peerKeys;
    private readonly Dictionary<string, int[]> having = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> perTier = new(StringComparer.Ordinal);

    /// <param name="run">The scores the recommendations rest on.</param>
    /// <param name="peerKeys">One peer key per municipality of the run (the district key, or the peer group).</param>
    /// <param name="comparisonRows">For a municipality its peer group fits badly (atypical), the rows it is compared with instead.</param>
    public Recommender(ScoringRun run, IReadOnlyList<string> peerKeys, IReadOnlyDictionary<int, int[]>? comparisonRows = null)
    {
        ComparisonRows = comparisonRows ?? new Dictionary<int, int[]>();
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(peerKeys);
        if (peerKeys.Count != run.Results.Count)
        {
            throw new ArgumentException($"Expected {run.Results.Count} peer keys, got {peerKeys.Count}.", nameof(peerKeys));
        }

        this.run = run;
        this.peerKeys = peerKeys;
        for (var r = 0; r < peerKeys.Count; r++)
        {
            var key = peerKeys[r] ?? "";
            var tier = (int)run.Results[r].Tier;
            Counts(perTier, key, TierCount)[tier]++;
            var counts = Counts(having, key, TierCount * Structures.All.Count);
            for (var s = 0; s < Structures.All.Count; s++)
            {
                if (run.Inputs[r].Answers is { } answers && Structures.Has(answers, Structures.All[s]) == true)
                {
                    counts[(s * TierCount) + tier]++;
                }
            }
        }
    }

    /// <summary>The run the recommendations rest on.</summary>
    public ScoringRun Run => run;

    /// <summary>The rows an atypical municipality is compared with instead of its peers (its most similar municipalities).</summary>
    public IReadOnlyDictionary<int, int[]> ComparisonRows { get; }

    /// <summary>One peer key per municipality of the run.</summary>
    public IReadOnlyList<string> PeerKeys => peerKeys;

    /// <summary>Recommendations for municipality <paramref name="row"/> as scored in the run.</summary>
    public IReadOnlyList<Recommendation> For(int row) => For(row, run.Inputs[row].Answers, run.Results[row]);

    /// <summary>Recommendations for municipality <paramref name="row"/> with other answers and the score they give (what-if).</summary>
    public IReadOnlyList<Recommendation> For(int row, AssessmentAnswers? answers, MunicipalityScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, peerKeys.Count);
        if (answers is null)
        {
            return [];
        }

        var key = peerKeys[row] ?? "";
        var tier = (int)score.Tier;
        var ownRunTier = (int)run.Results[row].Tier;
        var recommendations = new List<(Recommendation Item, int Order)>();
        for (var s = 0; s < Structures.All.Count; s++)
        {
            var structure = Structures.All[s];
            if (Structures.Has(answers, structure) != false)
            {
                continue;
            }

            var gain = run.Rescore(row, WithStructure(answers, structure)).Score - score.Score;
            var peersHaving = 0;
            var higher = 0;
            if (ComparisonRows.TryGetValue(row, out var others))
            {
                foreach (var other in others.Where(o => (int)run.Results[o].Tier > tier))
                {
                    higher++;
                    peersHaving += run.Inputs[other].Answers is { } a && Structures.Has(a, structure) == true ? 1 : 0;
                }

                recommendations.Add((new Recommendation(structure, gain, peersHaving, higher), s));
                continue;
            }

            for (var t = tier + 1; t < TierCount; t++)
            {
                peersHaving += having[key][(s * TierCount) + t];
                higher += perTier[key][t];
            }

            // With changed answers the municipality's own run record may sit above its new tier: it is no peer of itself.
            if (ownRunTier > tier)
            {
                higher--;
                if (run.Inputs[row].Answers is { } own && Structures.Has(own, structure) == true)
                {
                    peersHaving--;
                }
            }

            recommendations.Add((new Recommendation(structure, gain, peersHaving, higher), s));
        }

        return [.. recommendations
            .OrderByDescending(r => r.Item.ExpectedGain ?? double.NegativeInfinity)
            .ThenByDescending(r => r.Item.PeersHaving)
            .ThenBy(r => r.Order)
            .Select(r => r.Item)];
    }

    /// <summary>The answers with <paramref name="structure"/> present (paid staff: at least <see cref="RecommendedPaidStaffFte"/> FTE).</summary>
    public static AssessmentAnswers WithStructure(AssessmentAnswers answers, string structure)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return structure switch
        {
            Structures.ContactPerson => answers with { ContactPerson = true },
            Structures.PaidStaff => answers with { PaidStaffFte = Math.Max(answers.PaidStaffFte ?? 0, RecommendedPaidStaffFte) },
            Structures.Network => answers with { Network = true },
            Structures.VolunteerCoordination => answers with { VolunteerCoordination = true },
            Structures.MigrantCouncil => answers with { MigrantCouncil = true },
            Structures.IntegrationConcept => answers with { IntegrationConcept = true },
            Structures.CouncilResolution => answers with { CouncilResolution = true },
            Structures.IntermunicipalExchange => answers with { IntermunicipalExchange = true },
            _ => throw new ArgumentOutOfRangeException(nameof(structure), structure, "Unknown structure."),
        };
    }

    private static int[] Counts(Dictionary<string, int[]> map, string key, int size)
    {
        if (!map.TryGetValue(key, out var counts))
        {
            map[key] = counts = new int[size];
        }

        return counts;
    }
}
