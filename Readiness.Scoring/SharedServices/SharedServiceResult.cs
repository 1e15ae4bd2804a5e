namespace Readiness.Scoring.SharedServices;

/// <summary>How an offer is provided.</summary>
public enum OfferKind
{
    /// <summary>Set up together: at least two members lack the structure and no one near has it (a joint position, a joint office hour).</summary>
    Joint,

    /// <summary>One member (or a larger neighbour joining as host) has it and serves the members that lack it.</summary>
    Host,

    /// <summary>Joint courses, which fill up only with the participants of several members.</summary>
    Courses,
}

/// <summary>
/// A shared offer a group could set up: data, not a sentence. <paramref name="Key"/> names the offer,
/// <paramref name="Because"/> the structure(s) it answers, <paramref name="Kind"/> how it is provided,
/// <paramref name="HostAgs"/> who hosts it (for <see cref="OfferKind.Host"/>), <paramref name="For"/> the members
/// that lack it (AGS, ascending), <paramref name="Unconfirmed"/> those among them that did not answer.
/// <paramref name="Title"/> is a generic English title kept for the current API; words are the HTTP layer's job.
/// </summary>
public sealed record SuggestedOffer(
    string Key,
    string Title,
    IReadOnlyList<string> Because,
    OfferKind Kind = OfferKind.Joint,
    string? HostAgs = null,
    IReadOnlyList<string>? For = null,
    IReadOnlyList<string>? Unconfirmed = null);

/// <summary>A municipality at or above the population threshold next to a group, hosting what it has for members that lack it.</summary>
/// <param name="Ags">The host.</param>
/// <param name="Structures">The structures it hosts for the group.</param>
public sealed record GroupHost(string Ags, IReadOnlyList<string> Structures);

/// <summary>
/// One shared-service group. <paramref name="Members"/> are AGS in ascending order.
/// <paramref name="ForeignResidentsComplete"/> is false when a member's census figure is missing (counted as 0).
/// <paramref name="MissingStructures"/>: no member reports the structure; <paramref name="UnconfirmedMissingStructures"/>
/// are those among them where at least one member did not answer.
/// <paramref name="FloorReachedBy"/> names the floor criteria the group meets: "foreignResidents", "population".
/// </summary>
public sealed record SharedServiceGroup(
    string Id,
    string DistrictKey,
    IReadOnlyList<string> Members,
    long Population,
    double ForeignResidents,
    bool ForeignResidentsComplete,
    IReadOnlyList<string> FloorReachedBy,
    IReadOnlyList<string> UnionKeys,
    IReadOnlyList<string> MissingStructures,
    IReadOnlyList<string> UnconfirmedMissingStructures,
    IReadOnlyList<SuggestedOffer> SuggestedOffers)
{
    /// <summary>Larger neighbours that join only as hosts (never members, never counted towards the floor).</summary>
    public IReadOnlyList<GroupHost> Hosts { get; init; } = [];
}

/// <summary>Why an eligible municipality is in no group; precise definitions in docs/shared-services.md.</summary>
public enum UnassignedReason
{
    /// <summary>No eligible neighbour in scope: a group must be contiguous.</summary>
    NoEligibleNeighbour,

    /// <summary>All eligible places connected with it (in scope) together stay below the floor.</summary>
    FloorUnreachable,

    /// <summary>
    /// The places left over with it reach the floor together, but region growing found no contiguous set of
    /// them within the ceiling that does: typical of areas of very small places.
    /// </summary>
    FloorBeyondCeiling,

    /// <summary>The places left over with it stay below the floor together, and every adjacent group is at the ceiling.</summary>
    AdjacentGroupsFull,
}

/// <summary>An eligible municipality in no group, and why.</summary>
public sealed record UnassignedMunicipality(string Ags, string DistrictKey, UnassignedReason Reason);

/// <summary>
/// How well administrative unions were kept together: <paramref name="Unions"/> counts unions with at least two
/// eligible members; <paramref name="Together"/> have them all in one group; <paramref name="AllUnassigned"/> in
/// none; <paramref name="Split"/> are the keys of the rest, with <paramref name="SplitBecauseDisconnected"/> of
/// them split because their eligible members do not touch (a non-eligible member lies between them).
/// </summary>
public sealed record UnionStatistics(int Unions, int Together, int AllUnassigned, IReadOnlyList<string> Split, int SplitBecauseDisconnected);

/// <summary>The groups, the eligible municipalities left out and why, and the union statistics.</summary>
public sealed record SharedServiceResult(
    IReadOnlyList<SharedServiceGroup> Groups,
    IReadOnlyList<UnassignedMunicipality> Unassigned,
    int Eligible,
    UnionStatistics Unions)
{
    /// <summary>How many districts have the proven largest number of groups, and which fell back to the heuristic.</summary>
    public GroupingSolverStatistics Solver { get; init; } = new(0, 0, [], 0, 0);

    /// <summary>The group a municipality belongs to, or null.</summary>
    public SharedServiceGroup? GroupOf(string ags) => Groups.FirstOrDefault(g => g.Members.Contains(ags));
}

/// <summary>
/// How exact the grouping is. <paramref name="Districts"/>: districts with eligible municipalities;
/// <paramref name="ProvenOptimal"/>: those where the number of groups is proven the largest possible (by the
/// upper bound or by the solver); <paramref name="FellBack"/>: the keys of the others, where the heuristic's
/// groups stand unproven; <paramref name="SolvedAreas"/> and <paramref name="BoundAreas"/>: connected areas
/// proven by CP-SAT and by the upper bound alone.
/// </summary>
public sealed record GroupingSolverStatistics(int Districts, int ProvenOptimal, IReadOnlyList<string> FellBack, int SolvedAreas, int BoundAreas)
{
    /// <summary>Connected areas whose groups were found before in this process from the same inputs, and taken again.</summary>
    public int ReusedAreas { get; init; }
}
