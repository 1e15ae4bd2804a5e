using System.ComponentModel.DataAnnotations;

namespace Readiness.Scoring.SharedServices;

/// <summary>The parameters of shared-service grouping; defaults and reasons in docs/shared-services.md.</summary>
public sealed record SharedServiceOptions
{
    /// <summary>
    /// Municipalities with fewer residents than this are members of groups. A larger one never makes a group
    /// eligible by itself: it joins only as a host for what it has (<see cref="HostsAboveThreshold"/>).
    /// </summary>
    [Range(0, long.MaxValue)]
    public long PopulationThreshold { get; init; } = 5_000;

    /// <summary>A municipality at or above the threshold next to a group may host what it has for the members that lack it.</summary>
    public bool HostsAboveThreshold { get; init; } = true;

    /// <summary>A group is big enough with at least this many foreign residents (null: criterion off).</summary>
    [Range(0.0, double.MaxValue)]
    public double? FloorForeignResidents { get; init; } = 400;

    /// <summary>... or with at least this many residents (null: criterion off). Either criterion suffices.</summary>
    [Range(0, long.MaxValue)]
    public long? FloorPopulation { get; init; } = 10_000;

    /// <summary>A group has at least this many members: one municipality alone shares nothing.</summary>
    [Range(1, 50)]
    public int MinMembers { get; init; } = 2;

    /// <summary>A group has at most this many members, so a joint offer stays within reach of all.</summary>
    [Range(1, 50)]
    public int MaxMembers { get; init; } = 8;

    /// <summary>Whether a group may span district borders. Off: the district runs the plan.</summary>
    public bool CrossDistricts { get; init; }

    /// <summary>Keep the eligible, connected members of one administrative union in one group.</summary>
    public bool KeepUnionsTogether { get; init; } = true;

    /// <summary>Use only shared-border neighbours for contiguity (outside Bavaria the base data has distance neighbours).</summary>
    public bool BoundaryNeighboursOnly { get; init; }

    /// <summary>Number of region-growing runs per connected area; the best is kept and improved.</summary>
    [Range(1, 1000)]
    public int Restarts { get; init; } = 16;

    /// <summary>Seed of the randomised runs; the same seed gives the same groups.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Prove the largest number of groups per area (price bound and complete search) where the heuristic may have missed one.</summary>
    public bool ExactSolver { get; init; } = true;

    /// <summary>CP-SAT's budget per connected area where GLOP fails, in deterministic seconds (about wall-clock seconds on one core).</summary>
    [Range(0.01, 60.0)]
    public double ExactTimeLimitSeconds { get; init; } = 0.1;

    /// <summary>At most this many enumeration steps for an area's candidate groups; beyond it the heuristic stands (the time limit of the exact step).</summary>
    [Range(1, 100_000_000)]
    public int ExactEnumerationLimit { get; init; } = 1_000_000;

    /// <summary>At most this many steps of the search for a grouping that reaches the relaxation's bound, per count tried.</summary>
    [Range(1, 100_000_000)]
    public int ExactSearchLimit { get; init; } = 5_000_000;

    /// <summary>Throws with the name of the first setting that is out of range.</summary>
    public void Validate()
    {
        Check(PopulationThreshold >= 0, nameof(PopulationThreshold), "must be 0 or more");
        Check(FloorForeignResidents is null or >= 0, nameof(FloorForeignResidents), "must be 0 or more");
        Check(FloorPopulation is null or >= 0, nameof(FloorPopulation), "must be 0 or more");
        Check(FloorForeignResidents is not null || FloorPopulation is not null, nameof(FloorForeignResidents),
            "or FloorPopulation must be set: a group needs a floor to reach");
        Check(MinMembers is >= 1 and <= 50, nameof(MinMembers), "must be between 1 and 50");
        Check(MaxMembers is >= 1 and <= 50, nameof(MaxMembers), "must be between 1 and 50");
        Check(MaxMembers >= MinMembers, nameof(MaxMembers), "must not be below MinMembers");
        Check(Restarts is >= 1 and <= 1000, nameof(Restarts), "must be between 1 and 1000");
        Check(ExactTimeLimitSeconds is >= 0.01 and <= 60, nameof(ExactTimeLimitSeconds), "must be between 0.01 and 60 seconds");
        Check(ExactEnumerationLimit is >= 1 and <= 100_000_000, nameof(ExactEnumerationLimit), "must be between 1 and 100,000,000");
        Check(ExactSearchLimit is >= 1 and <= 100_000_000, nameof(ExactSearchLimit), "must be between 1 and 100,000,000");
    }

    private static void Check(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Shared-service option {name} {message}.", name);
        }
    }
}
