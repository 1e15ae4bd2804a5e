namespace Readiness.Scoring.PeerGroups;

/// <summary>The peer groups of one run.</summary>
/// <param name="Scaling">The standardisation of this run (feature means and spreads).</param>
/// <param name="Groups">Ordered by id.</param>
/// <param name="Members">One per input municipality, in input order.</param>
/// <param name="Candidates">Every k tried, with its measures; the chosen one is flagged.</param>
/// <param name="SelectedBy">The measure that chose k (unless a fixed k overrode it).</param>
public sealed record PeerGroupResult(
    FeatureScaling Scaling,
    IReadOnlyList<PeerGroup> Groups,
    IReadOnlyList<PeerGroupMember> Members,
    IReadOnlyList<KCandidate> Candidates,
    KSelectionMeasure SelectedBy)
{
    public int K => Groups.Count;

    /// <summary>What to pass as the previous groups to the next run, so ids stay stable.</summary>
    public IReadOnlyList<PreviousPeerGroup> AsPrevious() =>
        [.. Groups.Select(g => new PreviousPeerGroup(g.Id, g.FeatureCentroid))];
}

/// <summary>One peer group.</summary>
/// <param name="Id">Stable across runs while the group barely changes (see docs/peer-groups.md).</param>
/// <param name="Label">English, made from the centroid in real units; distinct within a run. The API serves a label built from <paramref name="Figures"/> instead.</param>
/// <param name="Size">Number of member municipalities.</param>
/// <param name="Profile">The centroid in real units.</param>
/// <param name="FeatureCentroid">The k-means centroid in feature units (log10 population, shares as fractions...), by feature name.</param>
/// <param name="StandardisedCentroid">The same centroid in z-units of this run, in <see cref="PeerGroupFeatures.Names"/> order.</param>
/// <param name="Spread">How far members lie from the centroid.</param>
/// <param name="PreviousDistance">Distance in z-units to the previous group whose id it took; null for a fresh id.</param>
/// <param name="Figures">The members' medians and ranges; null in runs stored before they were computed.</param>
public sealed record PeerGroup(
    int Id,
    string Label,
    int Size,
    PeerGroupProfile Profile,
    IReadOnlyDictionary<string, double> FeatureCentroid,
    IReadOnlyList<double> StandardisedCentroid,
    PeerGroupSpread Spread,
    double? PreviousDistance,
    PeerGroupFigures? Figures = null);

/// <summary>The centroid in real units a planner reads: medians for the skewed size measures, means for shares.</summary>
/// <param name="MedianPopulation">Median residents of the members.</param>
/// <param name="MedianDensityPerKm2">Median residents per km² of the members.</param>
/// <param name="MeanForeignShare">Mean foreign share of the members (imputed values included), a fraction.</param>
/// <param name="MeanMigrationBackgroundShare">Mean migration-background share of the members, a fraction.</param>
/// <param name="UrbanisationShares">Share of members in degree of urbanisation 1 (city), 2 (town/suburb), 3 (rural).</param>
/// <param name="ImputedMembers">Members with at least one imputed feature.</param>
public sealed record PeerGroupProfile(
    double MedianPopulation,
    double MedianDensityPerKm2,
    double MeanForeignShare,
    double MeanMigrationBackgroundShare,
    IReadOnlyDictionary<int, double> UrbanisationShares,
    int ImputedMembers);

/// <summary>How tight a group is.</summary>
/// <param name="MeanDistance">Mean distance of members to the centroid, in z-units.</param>
/// <param name="MaxDistance">Largest such distance.</param>
/// <param name="FeatureStandardDeviations">Standard deviation of each feature among members, in feature units.</param>
public sealed record PeerGroupSpread(double MeanDistance, double MaxDistance, IReadOnlyDictionary<string, double> FeatureStandardDeviations);

/// <summary>One municipality's place in the peer groups.</summary>
/// <param name="Ags">The municipality.</param>
/// <param name="GroupId">Its peer group.</param>
/// <param name="Distance">Distance to its group's centroid, in z-units.</param>
/// <param name="SecondGroupId">The next-nearest group: where it would go if its conditions shifted; null when there is one group.</param>
/// <param name="SecondDistance">Distance to that group's centroid, in z-units.</param>
/// <param name="ImputedFeatures">Names of the features that were imputed for it.</param>
public sealed record PeerGroupMember(
    string Ags,
    int GroupId,
    double Distance,
    int? SecondGroupId,
    double? SecondDistance,
    IReadOnlyList<string> ImputedFeatures);

/// <summary>The quality of one k tried.</summary>
/// <param name="K">Number of groups.</param>
/// <param name="Inertia">Within-group sum of squared z-distances (lower is tighter, always falls with k).</param>
/// <param name="DaviesBouldin">Davies–Bouldin index, lower is better.</param>
/// <param name="Silhouette">Mean silhouette, −1..1, higher is better.</param>
/// <param name="Chosen">Whether this k was used.</param>
public sealed record KCandidate(int K, double Inertia, double DaviesBouldin, double Silhouette, bool Chosen);

/// <summary>A group of the previous run: its id and its centroid in feature units, by feature name.</summary>
/// <param name="Id">The id to keep.</param>
/// <param name="FeatureCentroid">As <see cref="PeerGroup.FeatureCentroid"/> of that run.</param>
public sealed record PreviousPeerGroup(int Id, IReadOnlyDictionary<string, double> FeatureCentroid);
