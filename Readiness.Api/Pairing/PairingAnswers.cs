using System.Text.Json;
using Readiness.Api.Readiness;
using Readiness.Api.Localization;
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
            unpaired.BestCandidateBenefit is { } benefit ? Math.Round(benefit, 4) : null)
        {
            Text = Texts.Get("Unpaired." + WireNames.Of(Enum.Parse<UnpairedReasonDto>(unpaired.Reason.ToString()))),
        };
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
        return new PairPartyDto(ags, facts.Name, facts.DistrictKey, row.Score, TierNames.Parse(row.Tier), DataQualities.Parse(row.DataQuality))
        {
            TierLabel = Labels.Tier(row.Tier),
        };
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
            PairingRoleDto.Mentee when asMentee is not null => PairSentence(asMentee),
            PairingRoleDto.Mentee => unpaired?.Cause switch
            {
                PairingRoleReason.NoMentorInReach => Texts.Get("Unpaired.no-candidate"),
                PairingRoleReason.MentorsOnlyAcrossDistrictBorder => Texts.Get("Unpaired.mentors-only-across-district-border"),
                PairingRoleReason.MentorsNotClearlyAhead => Texts.Get("Unpaired.mentors-not-clearly-ahead"),
                PairingRoleReason.NoBenefit => Texts.Get("Unpaired.no-benefit"),
                _ => Texts.Get("Unpaired.candidates-at-capacity"),
            },
            PairingRoleDto.Mentor when asMentor.Count > 0 => Texts.Format("Pairing.Mentor", run.BaseData.Get(ags).Name, Labels.List([.. asMentor.Select(p => p.Mentee.Name)])),
            PairingRoleDto.Mentor => Texts.Get("Pairing.MentorIdle"),
            _ => WhyNotMentor(run, ags) switch
            {
                MentorBarrier.InsufficientData => Texts.Get("Pairing.InsufficientData"),
                MentorBarrier.NoContactPerson => Texts.Get("Pairing.NoContactPerson"),
                MentorBarrier.ExcludedFlag => Texts.Get("Pairing.ExcludedFlag"),
                _ => Texts.Get("Pairing.None"),
            },
        };
    }

    /// <summary>"Wiesentheid hat eine Ehrenamtskoordination und kann Erfahrungen an Abtswind weitergeben; 7 km, gemeinsame Gemeindegrenze."</summary>
    public static string PairSentence(PairingDto pair) => Texts.Format(
        "Pairing.Mentee", pair.Mentor.Name, Labels.List([.. pair.Topics.Select(t => Labels.StructureHas(t.Structure))]), pair.Mentee.Name,
        Texts.Number(pair.DistanceKm), pair.SharesBorder ? Texts.Get("Pairing.SharedBorder") : "");

    private static BenefitPartsDto Parts(BenefitParts p) => new(
        Math.Round(p.Transfer, 4), Math.Round(p.StructureGap, 4), Math.Round(p.ScoreGap, 4), Math.Round(p.Compatibility, 4),
        Math.Round(p.Proximity, 4), p.FeatureDistance is { } d ? Math.Round(d, 4) : null);

    private static List<TopicDto> Topics(MentorPair pair) =>
        [.. pair.Topics.Select(t => new TopicDto(t.Structure, Math.Round(t.Weight, 4), t.MenteeAnswerMissing) { Label = Labels.Structure(t.Structure) })];
}
