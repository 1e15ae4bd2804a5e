using Readiness.Scoring.Model;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Peer groups of municipalities with similar framework conditions: features, standardisation,
/// ML.NET k-means with k chosen by a quality measure, profiles and labels in real units, and ids kept
/// stable against the previous run. Pure computation; the caller decides the scope (all of Germany
/// by default, or one state) by the municipalities it passes.
/// </summary>
public static class PeerGroupClustering
{
    /// <param name="municipalities">
    /// The scope: every municipality to group, in a fixed order (by AGS): the result is reproducible
    /// for the same municipalities in the same order.
    /// </param>
    /// <param name="options">k range, measure, seed; defaults when null.</param>
    /// <param name="previous">The previous run's groups (<see cref="PeerGroupResult.AsPrevious"/>), to keep their ids.</param>
    public static PeerGroupResult Compute(
        IReadOnlyList<MunicipalityFacts> municipalities,
        PeerGroupOptions? options = null,
        IReadOnlyList<PreviousPeerGroup>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        options ??= new PeerGroupOptions();
        options.Validate();
        var duplicate = municipalities.GroupBy(m => m.Ags).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Municipality {duplicate.Key} appears more than once.", nameof(municipalities));
        }

        var table = FeatureTable.From(municipalities);
        var data = KMeansData.From(table.Standardised);
        var (solution, candidates) = KSelection.Choose(data, options);

        var previousInZ = (previous ?? [])
            .Select(g => (g.Id, table.Scaling.Standardise(InFeatureOrder(g))))
            .ToList();
        var (ids, matchDistances) = PeerGroupIdMatcher.Match(solution.Centroids, previousInZ, options.MaxIdMatchDistance);

        var members = PeerGroupMembers.Build(municipalities, table, data, solution, ids);
        var groups = PeerGroupProfiles.Build(municipalities, table, solution, ids, matchDistances, members);
        return new PeerGroupResult(table.Scaling, groups, members, candidates, options.SelectBy);
    }

    private static double[] InFeatureOrder(PreviousPeerGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return [.. PeerGroupFeatures.Names.Select(name => group.FeatureCentroid.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"Previous group {group.Id} has no centroid value for '{name}'.", nameof(group)))];
    }
}
