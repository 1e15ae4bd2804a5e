using Readiness.Scoring.Model;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Each municipality's most similar municipalities: nearest in the standardised framework-condition features
/// the peer groups use. A k-means group is coarse at its edges (München sits with mid-sized towns); the
/// nearest neighbours are the comparison that fits every member, also one far from its group's centre.
/// </summary>
public sealed class SimilarMunicipalities
{
    private readonly IReadOnlyList<MunicipalityFacts> municipalities;
    private readonly Dictionary<string, int> rowOf;
    private readonly NearestNeighbours index;

    private SimilarMunicipalities(IReadOnlyList<MunicipalityFacts> municipalities, NearestNeighbours index)
    {
        this.municipalities = municipalities;
        this.index = index;
        rowOf = municipalities.Select((m, row) => (m.Ags, row)).ToDictionary(p => p.Ags, p => p.row, StringComparer.Ordinal);
    }

    /// <summary>The index over the municipalities the peer groups were formed from (the same features, scaled the same way).</summary>
    public static SimilarMunicipalities From(IReadOnlyList<MunicipalityFacts> clustered)
    {
        ArgumentNullException.ThrowIfNull(clustered);
        return new SimilarMunicipalities(clustered, new NearestNeighbours(FeatureTable.From(clustered).Standardised));
    }

    /// <summary>The <paramref name="count"/> most similar municipalities of <paramref name="ags"/>, nearest first; empty when it was not clustered.</summary>
    public IReadOnlyList<(string Ags, double Distance)> Of(string ags, int count = 10) =>
        rowOf.TryGetValue(ags, out var row)
            ? [.. index.Nearest(row, count).Select(n => (municipalities[n.Index].Ags, n.Distance))]
            : [];

    /// <summary>
    /// Whether a member lies far from its group's centre: beyond the <paramref name="quantile"/> of its group's
    /// distances (default the 95th percentile), so that its group's label fits it badly.
    /// </summary>
    public static bool IsAtypical(double distance, IReadOnlyList<double> groupDistances, double quantile = 0.95) =>
        AtypicalBeyond(groupDistances, quantile) is { } cutoff && distance > cutoff;

    /// <summary>The distance beyond which a member of the group is atypical; null for a group too small to tell.</summary>
    public static double? AtypicalBeyond(IReadOnlyList<double> groupDistances, double quantile = 0.95)
    {
        ArgumentNullException.ThrowIfNull(groupDistances);
        if (groupDistances.Count < 20)
        {
            // Too few members for a 95th percentile to mean anything.
            return null;
        }

        var sorted = groupDistances.Order().ToArray();
        var position = quantile * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        return sorted[lower] + (position - lower) * (sorted[Math.Min(lower + 1, sorted.Length - 1)] - sorted[lower]);
    }

    /// <summary>
    /// What each atypical member is compared with instead of its group: its <paramref name="count"/> most similar
    /// municipalities (the same as <c>/similar</c> lists). Members that fit their group are absent.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ForAtypical(IEnumerable<(string Ags, int GroupId, double Distance)> members, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(members);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in members.GroupBy(m => m.GroupId))
        {
            if (AtypicalBeyond([.. group.Select(m => m.Distance)]) is not { } cutoff)
            {
                continue;
            }

            foreach (var member in group.Where(m => m.Distance > cutoff))
            {
                result[member.Ags] = [.. Of(member.Ags, count).Select(s => s.Ags)];
            }
        }

        return result;
    }
}
