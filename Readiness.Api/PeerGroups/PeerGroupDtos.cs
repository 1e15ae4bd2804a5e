using Readiness.Scoring.Scores;

namespace Readiness.Api.PeerGroups;

/// <summary>A peer group: municipalities of similar framework conditions (size, density, migrant share, urbanisation).</summary>
/// <param name="Id">Stable id: recomputed groups are matched to the previous run's, so an id keeps its meaning.</param>
/// <param name="Label">What the members are like, from their medians and ranges (see <c>figures</c>), German by default and English with Accept-Language: en, e.g. "Kleine ländliche Gemeinden: Median 1.800 Einwohner (meist 720 bis 5.700), 80 Einwohner je km², niedriger Ausländeranteil mit Median 4 % (meist 1 % bis 6 %)". Distinct within a run.</param>
/// <param name="Size">Number of members.</param>
/// <param name="Centroid">The group's centre in real units.</param>
/// <param name="Spread">How tight the group is, in standard units.</param>
/// <param name="Tiers">Members per readiness tier (default profile).</param>
/// <param name="MedianScore">Median readiness score of its scored members.</param>
/// <param name="RunId">The run that computed it.</param>
/// <param name="DataQuality">What the members' tiers and scores rest on: surveyed, illustrative or mixed. The grouping itself rests on the base data only.</param>
/// <param name="Figures">The members' medians and the ranges most of them lie in, which the label is built from; absent for runs computed before they existed.</param>
public sealed record PeerGroupDto(int Id, string Label, int Size, PeerGroupCentroidDto Centroid, PeerGroupSpreadDto Spread, TierCountsDto Tiers, double? MedianScore, long RunId, DataQualityDto DataQuality,
    PeerGroupFiguresDto? Figures = null);

/// <summary>What a peer group's members are like, from their own figures (not the centroid, which may fit no member).</summary>
/// <param name="Population">Residents.</param>
/// <param name="DensityPerKm2">Residents per km².</param>
/// <param name="ForeignShare">Foreign share (Zensus 2022), fraction, of the members whose share is published; absent when none is.</param>
/// <param name="Size">Size class from the median population: very-small (below 1,000), small (below 5,000), mid-sized (below 20,000), large (below 100,000), very-large.</param>
/// <param name="Settlement">Settlement class from the members' degrees of urbanisation: rural (half or more rural), cities (half or more cities), towns-suburbs-and-cities (at least a tenth cities), towns-and-suburbs.</param>
/// <param name="ForeignLevel">Level of the median foreign share: low (below 6 %), medium, high (from 12 %).</param>
public sealed record PeerGroupFiguresDto(FigureRangeDto Population, FigureRangeDto DensityPerKm2, FigureRangeDto? ForeignShare, string Size, string Settlement, string ForeignLevel);

/// <summary>A figure over a peer group's members.</summary>
/// <param name="Median">The members' median.</param>
/// <param name="Low">The 10th percentile (a member's value): eight in ten members lie between low and high.</param>
/// <param name="High">The 90th percentile (a member's value).</param>
public sealed record FigureRangeDto(double Median, double Low, double High);

/// <summary>A peer group's centre in real units.</summary>
/// <param name="Population">Median population.</param>
/// <param name="DensityPerKm2">Median residents per km².</param>
/// <param name="ForeignShare">Mean foreign share (Zensus 2022), fraction.</param>
/// <param name="MigrationBackgroundShare">Mean migration-background share (Zensus 2022), fraction.</param>
/// <param name="Urbanisation">Share of members per degree of urbanisation (1 cities, 2 towns and suburbs, 3 rural areas).</param>
/// <param name="ImputedMembers">Members with a missing census share that was imputed for the clustering.</param>
public sealed record PeerGroupCentroidDto(double Population, double DensityPerKm2, double ForeignShare, double MigrationBackgroundShare, IReadOnlyDictionary<string, double> Urbanisation, int ImputedMembers);

/// <summary>Spread of a peer group in standard units (z-scores).</summary>
/// <param name="MeanDistance">Mean distance of members to the centroid.</param>
/// <param name="MaxDistance">Largest distance of a member to the centroid.</param>
/// <param name="FeatureStandardDeviations">Standard deviation of each feature within the group.</param>
public sealed record PeerGroupSpreadDto(double MeanDistance, double MaxDistance, IReadOnlyDictionary<string, double> FeatureStandardDeviations);

/// <summary>Counts per tier.</summary>
/// <param name="Starting">starting.</param>
/// <param name="Developing">developing.</param>
/// <param name="Established">established.</param>
/// <param name="Experienced">experienced.</param>
/// <param name="InsufficientData">insufficient-data.</param>
public sealed record TierCountsDto(int Starting, int Developing, int Established, int Experienced, int InsufficientData);

/// <summary>A peer group with a page of its members.</summary>
/// <param name="Group">The group.</param>
/// <param name="Members">Members of this page, nearest to the centroid first.</param>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Page size.</param>
/// <param name="Total">Members in all.</param>
public sealed record PeerGroupDetailDto(PeerGroupDto Group, IReadOnlyList<PeerGroupMemberDto> Members, int Page, int PageSize, int Total);

/// <summary>A member of a peer group.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Name">Name without the designation suffix, e.g. Andechs.</param>
/// <param name="DistrictKey">District key.</param>
/// <param name="Distance">Distance to the group's centroid (standard units).</param>
/// <param name="SecondNearest">The next-nearest group, and how far its centroid is: a member close to two groups sits on a boundary.</param>
/// <param name="Score">Readiness score (default profile).</param>
/// <param name="Tier">Tier (default profile).</param>
public sealed record PeerGroupMemberDto(string Ags, string Name, string DistrictKey, double Distance, SecondGroupDto? SecondNearest, double? Score, ReadinessTier Tier);

/// <summary>The second-nearest peer group of a municipality.</summary>
/// <param name="Id">Group id.</param>
/// <param name="Label">Label.</param>
/// <param name="Distance">Distance to its centroid (standard units).</param>
public sealed record SecondGroupDto(int Id, string Label, double Distance);

/// <summary>How the number of peer groups was chosen.</summary>
/// <param name="RunId">The run the answer comes from (see GET /api/v1/runs/{id}).</param>
/// <param name="ChosenK">The number of groups chosen.</param>
/// <param name="SelectedBy">The quality measure that chose it: davies-bouldin (lower is better) or silhouette (higher is better).</param>
/// <param name="Features">The features with the mean and standard deviation used to standardise them.</param>
/// <param name="Candidates">Every k tried with its measures.</param>
public sealed record PeerGroupDiagnosticsDto(long RunId, int ChosenK, string SelectedBy, IReadOnlyList<FeatureScalingDto> Features, IReadOnlyList<KCandidateDto> Candidates);

/// <summary>A clustering feature and its standardisation.</summary>
/// <param name="Name">Feature name.</param>
/// <param name="Mean">Mean over the clustered municipalities.</param>
/// <param name="StandardDeviation">Standard deviation.</param>
public sealed record FeatureScalingDto(string Name, double Mean, double StandardDeviation);

/// <summary>One k tried.</summary>
/// <param name="K">Number of groups.</param>
/// <param name="Inertia">Sum of squared distances to the centroids (standard units).</param>
/// <param name="DaviesBouldin">Davies–Bouldin index (lower is better).</param>
/// <param name="Silhouette">Mean silhouette (higher is better).</param>
/// <param name="Chosen">Whether this k was chosen.</param>
public sealed record KCandidateDto(int K, double Inertia, double DaviesBouldin, double Silhouette, bool Chosen);
