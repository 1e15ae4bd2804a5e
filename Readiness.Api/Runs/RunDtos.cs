using System.Text.Json;

namespace Readiness.Api.Runs;

/// <summary>The status of a run.</summary>
public enum RunStatusDto
{
    /// <summary>Computing; its results are not visible yet.</summary>
    Running,

    /// <summary>Finished and published: its results were (or are) served.</summary>
    Succeeded,

    /// <summary>Stopped by an error or an interruption; nothing of it was published.</summary>
    Failed,

    /// <summary>Its inputs equalled the published run's; nothing new was published.</summary>
    Unchanged,
}

/// <summary>What started a run.</summary>
public enum RunTriggerDto
{
    /// <summary>The nightly schedule.</summary>
    Schedule,

    /// <summary>An administrator through <c>POST /api/v1/runs</c>.</summary>
    Manual,

    /// <summary>The first start of the service, when no run had been published.</summary>
    Startup,
}

/// <summary>One run: its provenance and outcome.</summary>
/// <param name="Id">Run id, increasing.</param>
/// <param name="Status">running, succeeded, failed or unchanged.</param>
/// <param name="Trigger">schedule, manual or startup.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC), if it has.</param>
/// <param name="PublishedAt">When its results were published, if they were.</param>
/// <param name="IsCurrent">Whether its results are the ones served now.</param>
/// <param name="InputVersion">Hash of everything the run read: base data, assessments, profiles, parameters. Equal hashes mean equal results.</param>
/// <param name="Stages">Each stage with its duration and counts.</param>
/// <param name="Parameters">The profiles and options the run used.</param>
/// <param name="Error">Why it failed, if it did.</param>
/// <param name="RequestedBy">The API key name that asked for it, for manual runs.</param>
public sealed record RunDto(
    long Id, RunStatusDto Status, RunTriggerDto Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    DateTimeOffset? PublishedAt, bool IsCurrent, string? InputVersion, IReadOnlyList<StageRecord> Stages,
    JsonElement? Parameters, string? Error, string? RequestedBy);

/// <summary>A pair that started or ended between two runs.</summary>
/// <param name="Mentee">The mentee.</param>
/// <param name="Mentor">The mentor.</param>
/// <param name="Benefit">The pair's benefit in the run where it exists.</param>
public sealed record PairChangeDto(MunicipalityRefDto Mentee, MunicipalityRefDto Mentor, double Benefit);

/// <summary>A municipality whose tier changed between two runs.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Name">Name without the designation suffix, e.g. Andechs.</param>
/// <param name="From">Tier in the earlier run.</param>
/// <param name="To">Tier in the later run.</param>
/// <param name="FromScore">Score in the earlier run.</param>
/// <param name="ToScore">Score in the later run.</param>
public sealed record TierChangeDto(string Ags, string Name, string From, string To, double? FromScore, double? ToScore);

/// <summary>What changed from one run to another (default profile).</summary>
/// <param name="RunId">The later run.</param>
/// <param name="Since">The earlier run.</param>
/// <param name="PairsStarted">Pairs in the later run that the earlier did not have.</param>
/// <param name="PairsEnded">Pairs of the earlier run that the later no longer has.</param>
/// <param name="TierChanges">Municipalities whose tier changed.</param>
/// <param name="MeasuresOverdue">Measures first seen overdue by a run after the earlier one, up to the later one.</param>
/// <param name="SharedServiceGroups">Shared-service groups formed, dissolved or changed (other members or other offers); unchanged groups are left out.</param>
public sealed record RunChangesDto(
    long RunId, long Since, IReadOnlyList<PairChangeDto> PairsStarted, IReadOnlyList<PairChangeDto> PairsEnded, IReadOnlyList<TierChangeDto> TierChanges,
    IReadOnlyList<OverdueMeasureDto>? MeasuresOverdue = null, IReadOnlyList<SharedGroupChangeDto>? SharedServiceGroups = null);

/// <summary>What happened to a shared-service group between two runs.</summary>
public enum SharedGroupChangeKind
{
    /// <summary>The later run has the group; the earlier had none sharing a member with it.</summary>
    Formed,

    /// <summary>The earlier run had the group; the later has none sharing a member with it.</summary>
    Dissolved,

    /// <summary>The same group (the most members in common) with other members or other offers.</summary>
    Changed,
}

/// <summary>
/// A shared-service group formed, dissolved or changed. Group ids are numbered per run, so a group is followed by its
/// members: the earlier and later groups with the most members in common are the same group.
/// </summary>
/// <param name="Change">formed, dissolved or changed.</param>
/// <param name="GroupId">Its id in the later run; null when dissolved.</param>
/// <param name="EarlierGroupId">Its id in the earlier run; null when formed.</param>
/// <param name="DistrictKey">District.</param>
/// <param name="Members">Its members (AGS) in the later run, or in the earlier one when dissolved.</param>
/// <param name="MembersJoined">Members the later group has and the earlier had not (all of them when formed).</param>
/// <param name="MembersLeft">Members the earlier group had and the later has not (all of them when dissolved).</param>
/// <param name="OffersAdded">Suggested offers the later group has and the earlier had not: the offer key, with "@" and the host's AGS for a host offer.</param>
/// <param name="OffersRemoved">Suggested offers the earlier group had and the later has not, written the same way.</param>
public sealed record SharedGroupChangeDto(
    SharedGroupChangeKind Change, string? GroupId, string? EarlierGroupId, string DistrictKey, IReadOnlyList<string> Members,
    IReadOnlyList<string> MembersJoined, IReadOnlyList<string> MembersLeft, IReadOnlyList<string> OffersAdded, IReadOnlyList<string> OffersRemoved);
