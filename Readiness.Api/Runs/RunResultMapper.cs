using System.Text.Json;
using Readiness.Data.Assessments;
using Readiness.Data.Runs;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.Runs;

namespace Readiness.Api.Runs;

/// <summary>
/// Turns a run's outputs into the rows stored under its id: peer groups, pairs and shared-service groups
/// as the scoring library computed them (the features map them to their answers when serving), readiness
/// as the exact JSON served (<see cref="IReadinessAnswerWriter"/>).
/// </summary>
internal static class RunResultMapper
{
    public static RunResultRows ToRows(
        long runId, RunInputs inputs, RunOutputs outputs, IReadOnlyDictionary<string, StoredAssessment> assessments, PreviousRunState? previous,
        IReadinessAnswerWriter answers)
    {
        var peerLabels = outputs.PeerGroups.Groups.ToDictionary(g => g.Id, g => g.Label);
        var scores = outputs.Profiles
            .SelectMany(profile => answers.Rows(runId, inputs.Municipalities, profile, outputs.PeerGroupOf, peerLabels, assessments))
            .ToList();

        var peerGroups = outputs.PeerGroups.Groups
            .Select(g => new PeerGroupRow(g.Id, g.Label, g.Size, JsonSerializer.Serialize(g, ApiJson.Options)))
            .ToList();
        var members = outputs.PeerGroups.Members
            .Select(m => new PeerGroupMemberRow(m.Ags, m.GroupId, m.Distance, m.SecondGroupId, m.SecondDistance))
            .ToList();
        var diagnostics = outputs.PeerGroups.Candidates
            .Select(c => new PeerGroupDiagnosticRow(c.K, JsonSerializer.Serialize(new { c.Inertia, c.DaviesBouldin, c.Silhouette, SelectedBy = outputs.PeerGroups.SelectedBy, outputs.PeerGroups.Scaling }, ApiJson.Options), c.Chosen))
            .ToList();

        // How long a pair has stood is the pairing's rule (PairSince): a pair kept from the previous run keeps its first run.
        var since = PairSince.Carry(previous?.Pairs.Select(p => new PairSinceRun(p.MenteeAgs, p.MentorAgs, p.SinceRunId)).ToList(), outputs.Pairing.Pairs, runId);
        var pairings = InParallel.Map(Enumerable.Range(0, outputs.Pairing.Pairs.Count).ToList(), i =>
        {
            var p = outputs.Pairing.Pairs[i];
            return new PairingRow(p.MenteeAgs, p.MentorAgs, p.Benefit, since[i], JsonSerializer.Serialize(p, ApiJson.Options));
        });
        var unpaired = outputs.Pairing.Unpaired.ToDictionary(u => u.Ags);
        var menteeKeys = outputs.Pairing.Candidates.Keys.Union(unpaired.Keys).Order(StringComparer.Ordinal).ToList();
        var mentees = InParallel.Map(menteeKeys, ags => new PairingMenteeRow(ags, unpaired.TryGetValue(ags, out var u) ? WireNames.Of(u.Reason) : null,
            Compression.Compress(JsonSerializer.SerializeToUtf8Bytes(
                new MenteeRecord(unpaired.GetValueOrDefault(ags), outputs.Pairing.CandidatesOf(ags)), ApiJson.Options))));

        var sharedGroups = outputs.SharedServices.Groups
            .Select(g => new SharedGroupRow(g.Id, g.DistrictKey, JsonSerializer.Serialize(g, ApiJson.Options)))
            .ToList();
        var sharedMembers = outputs.SharedServices.Groups
            .SelectMany(g => g.Members.Select(m => new SharedGroupMemberRow(m, g.Id, null)))
            .Concat(outputs.SharedServices.Unassigned.Select(u => new SharedGroupMemberRow(u.Ags, null, WireNames.Of(u.Reason))))
            .ToList();

        return new RunResultRows(scores, peerGroups, members, diagnostics, pairings, mentees, sharedGroups, sharedMembers);
    }
}
