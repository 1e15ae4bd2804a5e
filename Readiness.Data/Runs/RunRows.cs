namespace Readiness.Data.Runs;

/// <summary>A municipality's readiness under one profile; <see cref="Detail"/> is the compressed JSON answer.</summary>
public sealed record ScoreRow(
    string Profile, string Ags, double? Score, string Tier, double Coverage,
    int? RankAll, int? RankDistrict, int? RankPeerGroup, int? RankLow, int? RankHigh, int? RankMedian,
    string DataQuality, long? AssessmentId, byte[] Detail);

public sealed record PeerGroupRow(int Id, string Label, int Size, string Detail);

public sealed record PeerGroupMemberRow(string Ags, int GroupId, double Distance, int? SecondGroupId, double? SecondDistance);

public sealed record PeerGroupDiagnosticRow(int K, string Detail, bool Chosen);

public sealed record PairingRow(string MenteeAgs, string MentorAgs, double Benefit, long SinceRunId, string Detail);

public sealed record PairingMenteeRow(string Ags, string? UnpairedReason, byte[] Detail);

public sealed record SharedGroupRow(string Id, string DistrictKey, string Detail);

public sealed record SharedGroupMemberRow(string Ags, string? GroupId, string? Reason);

/// <summary>Everything a run writes under its id.</summary>
public sealed record RunResultRows(
    IReadOnlyList<ScoreRow> Scores,
    IReadOnlyList<PeerGroupRow> PeerGroups,
    IReadOnlyList<PeerGroupMemberRow> PeerGroupMembers,
    IReadOnlyList<PeerGroupDiagnosticRow> PeerGroupDiagnostics,
    IReadOnlyList<PairingRow> Pairings,
    IReadOnlyList<PairingMenteeRow> PairingMentees,
    IReadOnlyList<SharedGroupRow> SharedGroups,
    IReadOnlyList<SharedGroupMemberRow> SharedGroupMembers)
{
    public long Count => Scores.Count + PeerGroups.Count + PeerGroupMembers.Count + PeerGroupDiagnostics.Count
        + Pairings.Count + PairingMentees.Count + SharedGroups.Count + SharedGroupMembers.Count;
}

/// <summary>What a published run is served from at once; its pairs and shared-service groups follow (<see cref="RunResultReader"/>).</summary>
public sealed record ServedRunRows(
    IReadOnlyList<ScoreRow> Scores,
    IReadOnlyList<PeerGroupRow> PeerGroups,
    IReadOnlyList<PeerGroupMemberRow> PeerGroupMembers,
    IReadOnlyList<PeerGroupDiagnosticRow> PeerGroupDiagnostics,
    IReadOnlyList<SharedGroupMemberRow> SharedGroupMembers);
