using System.Text.Json;
using Readiness.Api.Readiness;
using Readiness.Api.Runs;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Pairing;

/// <summary>The pairing answers, made from the pairs, mentees and candidates a run stored as the scoring library computed them.</summary>
internal static class PairingAnswers
{
    public static MunicipalityPairingDto OfMunicipality(PublishedRun run, string ags)
    {
        var role = Role(run, ags);
        var asMentee = run.PairByMentee.TryGetValue(ags, out var pair) ? Pair(run, pair.Pair, pair.Since) : null;
        var asMentor = run.PairsByMentor[ags].Select(p => Pair(run, p.Pair, p.Since)).ToList();
        var unpaired = run.Mentee(ags)?.Unpaired;
        var unpairedDto = unpaired is null ? null : new UnpairedDto(
            Enum.Parse<UnpairedReasonDto>(unpaired.Reason.ToString()), unpaired.CandidateCount,
            unpaired.BestCandidateAgs is { } best ? new MunicipalityRefDto(best, run.BaseData.Get(best).Name) : null,
            unpaired.BestCandidateBenefit is { } benefit ? Math.Round(benefit, 4) : null);
        return new MunicipalityPairingDto(ags, role, asMentee, asMentor, unpairedDto, Explain(run, ags, role, asMentee, asMentor, unpaired), run.Id);
    }

    /// <summary>Every candidate of the mentee <paramref name="ags"/> in <paramref name="run"/>, each with the current decision per mentor AGS in <paramref name="decisions"/>.</summary>
    public static PairingCandidatesDto Candidates(PublishedRun run, string ags, IReadOnlyDictionary<string, string>? decisions = null)
    {
        var chosen = run.PairByMentee.TryGetValue(ags, out var pair) ? pair.Pair.MentorAgs : null;
        var candidates = (run.Mentee(ags)?.Candidates ?? [])
            .Select(c => new PairingCandidateDto(Party(run, c.MentorAgs), Math.Round(c.Benefit, 4), Parts(c.Parts), Math.Round(c.DistanceKm, 2),
                c.SharesBorder, c.SamePeerGroup, Topics(c), c.MentorAgs == chosen, decisions?.GetValueOrDefault(c.MentorAgs)))
            .ToList();
        return new PairingCandidatesDto(ags, Role(run, ags), candidates, run.Id);
    }

    public static PairingDto Pair(PublishedRun run, MentorPair pair, long since) => new(
        Party(run, pair.MenteeAgs), Party(run, pair.MentorAgs), Math.Round(pair.Benefit, 4), Parts(pair.Parts), Math.Round(pair.DistanceKm, 2),
        pair.SharesBorder, pair.SamePeerGroup, Topics(pair), since, pair.WasPrevious,
        DataQualities.Of([run.Default.ByAgs[pair.MenteeAgs].Row.DataQuality, run.Default.ByAgs[pair.MentorAgs].Row.DataQuality]));

    public static PairPartyDto Party(PublishedRun run, string ags)
    {
        var facts = run.BaseData.Get(ags);
        var row = run.Default.ByAgs[ags].Row;
        return new PairPartyDto(ags, facts.Name, facts.DistrictKey, row.Score, TierNames.Parse(row.Tier), DataQualities.Parse(row.DataQuality));
    }

    private static PairingRoleDto Role(PublishedRun run, string ags)
    {
        if (run.Mentee(ags) is not null || run.PairByMentee.ContainsKey(ags))
        {
            return PairingRoleDto.Mentee;
        }

        return WhyNotMentor(run, ags) is null ? PairingRoleDto.Mentor : PairingRoleDto.None;
    }

    /// <summary>The pairing's own rule (<see cref="MentorEligibility"/>) with the run's options, tier, contact person and flags.</summary>
    private static MentorBarrier? WhyNotMentor(PublishedRun run, string ags)
    {
        var entry = run.Default.ByAgs[ags];
        var flags = JsonSerializer.Deserialize<ReadinessDto>(entry.Json, ApiJson.Options)!.Flags;
        return MentorEligibility.WhyNotMentor(TierNames.Parse(entry.Row.Tier), run.AnswersOf(ags)?.ContactPerson, flags,
            run.Parameters?.Stages.Pairing ?? new PairingOptions());
    }

    private static string Explain(PublishedRun run, string ags, PairingRoleDto role, PairingDto? asMentee, List<PairingDto> asMentor, UnpairedMentee? unpaired)
    {
        return role switch
        {
            PairingRoleDto.Mentee when asMentee is not null =>
                $"Paired with {asMentee.Mentor.Name} ({asMentee.DistanceKm:0.#} km{(asMentee.SharesBorder ? ", shared border" : "")}) to learn about {string.Join(", ", asMentee.Topics.Select(t => t.Structure))}.",
            PairingRoleDto.Mentee => unpaired?.Cause switch
            {
                PairingRoleReason.NoMentorInReach => "No mentor within reach: no established or experienced municipality with a contact person borders it or lies within the distance limit.",
                PairingRoleReason.MentorsOnlyAcrossDistrictBorder => "Mentors clearly ahead are within reach only across the district border, which the pairing keeps closed.",
                PairingRoleReason.MentorsNotClearlyAhead => "Mentors are within reach, but none is far enough ahead (the minimum score gap) to pass on experience.",
                PairingRoleReason.NoBenefit => "Mentors are within reach, but none has a structure this municipality lacks.",
                _ => "Its candidate mentors are fully taken by mentees that come first (those just starting) or add more in total; see the candidates to overrule.",
            },
            PairingRoleDto.Mentor when asMentor.Count > 0 => $"Mentors {string.Join(", ", asMentor.Select(p => p.Mentee.Name))}.",
            PairingRoleDto.Mentor => "Can mentor, but no mentee within reach needs what it has, or others add more.",
            _ => WhyNotMentor(run, ags) switch
            {
                MentorBarrier.InsufficientData => "Not paired: too few answers to know its readiness.",
                MentorBarrier.NoContactPerson => "Could mentor, but has no designated contact person for integration.",
                MentorBarrier.ExcludedFlag => "Could mentor by its tier, but is itself stretched (e.g. volunteers without paid backing): it is not asked to mentor.",
                _ => "Not paired.",
            },
        };
    }

    private static BenefitPartsDto Parts(BenefitParts p) => new(
        Math.Round(p.Transfer, 4), Math.Round(p.StructureGap, 4), Math.Round(p.ScoreGap, 4), Math.Round(p.Compatibility, 4),
        Math.Round(p.Proximity, 4), p.FeatureDistance is { } d ? Math.Round(d, 4) : null);

    private static List<TopicDto> Topics(MentorPair pair) =>
        [.. pair.Topics.Select(t => new TopicDto(t.Structure, Math.Round(t.Weight, 4), t.MenteeAnswerMissing))];
}
