
namespace Readiness.Scoring.Pairing;

/// <summary>
/// Computes every role reason from the facts of the solution: the reach of every mentee and mentor (also out of
/// the district rules or not clearly ahead), the candidates and the chosen pairs.
/// </summary>
internal sealed class PairingRoles(
    IReadOnlyList<PairingMunicipality> municipalities,
    List<PairingMunicipality> mentees,
    List<PairingMunicipality> mentors,
    List<Reach> reaches,
    PairingOptions options)
{
    // Per mentee and per mentor: (any reach, any in scope, any clearly ahead out of scope).
    private readonly Dictionary<string, Sight> menteeSight = Sights(reaches, r => mentees[r.Mentee].Ags, mentees, mentors, options);
    private readonly Dictionary<string, Sight> mentorSight = Sights(reaches, r => mentors[r.Mentor].Ags, mentees, mentors, options);

    public List<UnpairedMentee> Unpaired(Dictionary<string, IReadOnlyList<MentorPair>> byMentee, List<MentorPair> pairs, List<MentorPair> useful)
    {
        var paired = pairs.Select(p => p.MenteeAgs).ToHashSet(StringComparer.Ordinal);
        var load = pairs.CountBy(p => p.MentorAgs).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var usefulByMentee = useful.ToLookup(p => p.MenteeAgs, StringComparer.Ordinal);
        var result = new List<UnpairedMentee>();
        foreach (var mentee in mentees.Where(m => !paired.Contains(m.Ags)))
        {
            var all = byMentee[mentee.Ags];
            var worth = usefulByMentee[mentee.Ags].ToList();
            var cause = all.Count > 0
                ? (worth.Count == 0 ? PairingRoleReason.NoBenefit : PairingRoleReason.CandidatesAtCapacity)
                : Blocked(menteeSight.GetValueOrDefault(mentee.Ags), PairingRoleReason.NoMentorInReach,
                    PairingRoleReason.MentorsOnlyAcrossDistrictBorder, PairingRoleReason.MentorsNotClearlyAhead);
            var reason = cause switch
            {
                PairingRoleReason.NoBenefit => UnpairedReason.NoBenefit,
                PairingRoleReason.CandidatesAtCapacity => UnpairedReason.CandidatesAtCapacity,
                _ => UnpairedReason.NoCandidate,
            };

            // An optimum never leaves a useful candidate with a free place unused: that would add benefit (or a starting pair).
            if (cause == PairingRoleReason.CandidatesAtCapacity && worth.Any(c => load.GetValueOrDefault(c.MentorAgs) < options.MaxMenteesPerMentor))
            {
                throw new InvalidOperationException($"Assignment is not optimal: mentee {mentee.Ags} has a candidate with a free place.");
            }

            var best = all.Count > 0 ? all[0] : null;
            result.Add(new UnpairedMentee(mentee.Ags, reason, all.Count, best?.MentorAgs, best?.Benefit, cause));
        }

        return result;
    }

    public Dictionary<string, PairingRoleExplanation> Explain(List<MentorPair> pairs, List<MentorPair> useful, List<UnpairedMentee> unpaired)
    {
        var roles = new Dictionary<string, PairingRoleExplanation>(municipalities.Count, StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            roles[p.MenteeAgs] = new(PairingRole.Mentee, PairingRoleReason.MenteePaired);
            roles[p.MentorAgs] = new(PairingRole.Mentor, PairingRoleReason.MentorPaired);
        }

        foreach (var u in unpaired)
        {
            roles[u.Ags] = new(PairingRole.Mentee, u.Cause);
        }

        var usefulMentors = useful.Select(p => p.MentorAgs).ToHashSet(StringComparer.Ordinal);
        var candidateMentors = mentorSight.Where(s => s.Value.Candidate).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var mentor in mentors.Where(m => !roles.ContainsKey(m.Ags)))
        {
            var reason = usefulMentors.Contains(mentor.Ags) ? PairingRoleReason.MenteesPairedElsewhere
                : candidateMentors.Contains(mentor.Ags) ? PairingRoleReason.NothingToPass
                : Blocked(mentorSight.GetValueOrDefault(mentor.Ags), PairingRoleReason.NoMenteeInReach,
                    PairingRoleReason.MenteesOnlyAcrossDistrictBorder, PairingRoleReason.NotClearlyAheadOfMenteesInReach);
            roles[mentor.Ags] = new(PairingRole.Mentor, reason);
        }

        foreach (var m in municipalities.Where(m => !roles.ContainsKey(m.Ags)))
        {
            var reason = MentorEligibility.WhyNotMentor(m.Tier, m.HasContactPerson, m.Flags, options) switch
            {
                MentorBarrier.InsufficientData => PairingRoleReason.InsufficientData,
                MentorBarrier.NoContactPerson => PairingRoleReason.NoContactPerson,
                MentorBarrier.ExcludedFlag => PairingRoleReason.ExcludedFlag,
                _ => PairingRoleReason.TierBelowMentor,
            };
            roles[m.Ags] = new(PairingRole.None, reason);
        }

        return roles;
    }

    /// <summary>Without a candidate: the border blocks a mentor clearly ahead; else nobody is clearly ahead; else nobody is in reach.</summary>
    private static PairingRoleReason Blocked(Sight sight, PairingRoleReason none, PairingRoleReason border, PairingRoleReason notAhead) =>
        sight.AheadAcrossBorder ? border : sight.Any ? notAhead : none;

    private static Dictionary<string, Sight> Sights(
        List<Reach> reaches, Func<Reach, string> key, List<PairingMunicipality> mentees, List<PairingMunicipality> mentors, PairingOptions options)
    {
        var sights = new Dictionary<string, Sight>(StringComparer.Ordinal);
        foreach (var r in reaches)
        {
            var ahead = MentorEligibility.IsClearlyAhead(mentors[r.Mentor].Score, mentees[r.Mentee].Score, options);
            var s = sights.GetValueOrDefault(key(r));
            sights[key(r)] = new Sight(true, s.AheadAcrossBorder || (ahead && !r.InScope), s.Candidate || (ahead && r.InScope));
        }

        return sights;
    }

    private readonly record struct Sight(bool Any, bool AheadAcrossBorder, bool Candidate);
}
