using System.Text.Json;
using Readiness.Api.Endpoints;
using Readiness.Api.Infrastructure;
using Readiness.Data.Assessments;
using Readiness.Data.Runs;
using Readiness.Scoring.Model;
using Readiness.Scoring.Runs;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Runs;

/// <summary>Turns a run's outputs into the rows stored under its id. Readiness details are stored as the exact JSON served.</summary>
internal static class RunResultMapper
{
    public static RunResultRows ToRows(long runId, RunInputs inputs, RunOutputs outputs, IReadOnlyDictionary<string, StoredAssessment> assessments, PreviousRunState? previous)
    {
        var municipalities = inputs.Municipalities;
        var peerLabels = outputs.PeerGroups.Groups.ToDictionary(g => g.Id, g => g.Label);

        var scores = outputs.Profiles
            .SelectMany(profile => ScoreRows(runId, municipalities, profile, outputs.PeerGroupOf, peerLabels, assessments))
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

        var previousSince = previous?.Pairs.ToDictionary(p => (p.MenteeAgs, p.MentorAgs), p => p.SinceRunId) ?? [];
        var pairings = InParallel(outputs.Pairing.Pairs, p => new PairingRow(p.MenteeAgs, p.MentorAgs, p.Benefit,
            previousSince.TryGetValue((p.MenteeAgs, p.MentorAgs), out var since) ? since : runId,
            JsonSerializer.Serialize(p, ApiJson.Options)));
        var unpaired = outputs.Pairing.Unpaired.ToDictionary(u => u.Ags);
        var menteeKeys = outputs.Pairing.Candidates.Keys.Union(unpaired.Keys).Order(StringComparer.Ordinal).ToList();
        var mentees = InParallel(menteeKeys, ags => new PairingMenteeRow(ags, unpaired.TryGetValue(ags, out var u) ? Wire(u.Reason) : null,
            Compression.Compress(JsonSerializer.SerializeToUtf8Bytes(
                new MenteeRecord(unpaired.GetValueOrDefault(ags), outputs.Pairing.CandidatesOf(ags)), ApiJson.Options))));

        var sharedGroups = outputs.SharedServices.Groups
            .Select(g => new SharedGroupRow(g.Id, g.DistrictKey, JsonSerializer.Serialize(g, ApiJson.Options)))
            .ToList();
        var sharedMembers = outputs.SharedServices.Groups
            .SelectMany(g => g.Members.Select(m => new SharedGroupMemberRow(m, g.Id, null)))
            .Concat(outputs.SharedServices.Unassigned.Select(u => new SharedGroupMemberRow(u.Ags, null, Wire(u.Reason))))
            .ToList();

        return new RunResultRows(scores, peerGroups, members, diagnostics, pairings, mentees, sharedGroups, sharedMembers);
    }

    /// <summary>
    /// One profile's readiness rows, each with the exact JSON the readiness endpoint serves. Each row is
    /// made on its own (its answer serialised and compressed), so they are made side by side, in order.
    /// </summary>
    public static IReadOnlyList<ScoreRow> ScoreRows(
        long runId, IReadOnlyList<MunicipalityFacts> municipalities, ProfileResult profile, IReadOnlyDictionary<string, int> peerGroupOf,
        IReadOnlyDictionary<int, string> peerLabels, IReadOnlyDictionary<string, StoredAssessment> assessments)
    {
        var totals = RankTotals.From(municipalities, profile, peerGroupOf);
        return InParallel(Enumerable.Range(0, municipalities.Count).ToList(), row =>
        {
            var facts = municipalities[row];
            assessments.TryGetValue(facts.Ags, out var assessment);
            var peerGroup = peerGroupOf.TryGetValue(facts.Ags, out var group) ? new PeerGroupRefDto(group, peerLabels[group]) : null;
            var dto = Readiness(runId, facts, row, profile, assessment, peerGroup, totals);
            var interval = profile.Robustness.Overall[row];
            return new ScoreRow(
                profile.Profile.Name, facts.Ags, dto.Score, Wire(dto.Tier), dto.Coverage,
                profile.RankAll[row], profile.RankDistrict[row], profile.RankPeerGroup[row], interval?.Low, interval?.High, interval?.Median,
                Wire(dto.DataQuality), assessment?.Id,
                Compression.Compress(JsonSerializer.SerializeToUtf8Bytes(dto, ApiJson.Options)));
        });
    }

    /// <summary>Maps every item on all cores; the result is in the items' order, whichever thread made it.</summary>
    private static List<TResult> InParallel<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult> map)
    {
        var results = new TResult[items.Count];
        Parallel.For(0, items.Count, i => results[i] = map(items[i]));
        return [.. results];
    }

    private static ReadinessDto Readiness(
        long runId, MunicipalityFacts facts, int row, ProfileResult profile, StoredAssessment? assessment, PeerGroupRefDto? peerGroup, RankTotals totals)
    {
        var score = profile.Scoring.Results[row];
        var overall = profile.Robustness.Overall[row];
        var district = profile.Robustness.ByGrouping["district"][row];
        var peer = profile.Robustness.ByGrouping["peerGroup"][row];
        var quality = assessment is null ? DataQualityDto.Missing : assessment.Source == AssessmentSource.Surveyed ? DataQualityDto.Surveyed : DataQualityDto.Illustrative;
        return new ReadinessDto(
            facts.Ags, facts.Name, facts.DistrictKey, Round(score.Score), Tier(score.Tier), Math.Round(score.Coverage, 4),
            new RankDto(profile.RankDistrict[row], profile.RankPeerGroup[row], profile.RankAll[row],
                totals.District(facts.DistrictKey), totals.Peer(facts.Ags, facts.DistrictKey), totals.All),
            Interval(overall), new RankIntervalsDto(Interval(overall), Interval(district), Interval(peer)),
            [.. score.Pillars.Select(p => new PillarDto(p.Key, Round(p.Score), Math.Round(p.Weight, 4)))],
            [.. score.Indicators.Select(i => new IndicatorDto(i.Key, i.Pillar, Round(i.Value, 6), Round(i.RawValue, 6), Round(i.Normalized, 4), Math.Round(i.Weight, 6), Round(i.Contribution, 4)))],
            profile.Flags[row],
            [.. profile.Recommendations[row].Select(r => new RecommendationDto(r.Structure, Round(r.ExpectedGain), r.PeersHaving, r.PeersAtHigherTier))],
            peerGroup,
            assessment is null ? null : new AssessmentRefDto(assessment.Id, assessment.ReferenceDate, quality),
            quality, profile.Profile.Name, runId);
    }

    internal static TierDto Tier(ReadinessTier tier) => Enum.Parse<TierDto>(tier.ToString());

    private static RankIntervalDto? Interval(RankInterval? interval) =>
        interval is null ? null : new RankIntervalDto(interval.Low, interval.High, interval.Median);

    private static double? Round(double? value, int digits = 2) => value is null ? null : Math.Round(value.Value, digits);

    internal static string Wire<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>How many municipalities are ranked in each group, for "3rd of 14".</summary>
    private sealed class RankTotals
    {
        private readonly Dictionary<string, int> byDistrict = [];
        private readonly Dictionary<string, int> byPeer = [];
        private readonly IReadOnlyDictionary<string, int> peerGroupOf;

        private RankTotals(IReadOnlyDictionary<string, int> peerGroupOf) => this.peerGroupOf = peerGroupOf;

        public int All { get; private set; }

        public static RankTotals From(IReadOnlyList<MunicipalityFacts> municipalities, ProfileResult profile, IReadOnlyDictionary<string, int> peerGroupOf)
        {
            var totals = new RankTotals(peerGroupOf);
            for (var row = 0; row < municipalities.Count; row++)
            {
                if (profile.RankAll[row] is null)
                {
                    continue;
                }

                totals.All++;
                Increment(totals.byDistrict, municipalities[row].DistrictKey);
                Increment(totals.byPeer, totals.PeerKey(municipalities[row].Ags, municipalities[row].DistrictKey));
            }

            return totals;
        }

        public int District(string districtKey) => byDistrict.GetValueOrDefault(districtKey);

        public int Peer(string ags, string districtKey) => byPeer.GetValueOrDefault(PeerKey(ags, districtKey));

        private string PeerKey(string ags, string districtKey) =>
            peerGroupOf.TryGetValue(ags, out var id) ? $"g{id}" : $"d{districtKey}";

        private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}

/// <summary>What the pairing knows of one mentee: why it has no mentor, and every candidate.</summary>
internal sealed record MenteeRecord(Readiness.Scoring.Pairing.UnpairedMentee? Unpaired, IReadOnlyList<Readiness.Scoring.Pairing.MentorPair> Candidates);
