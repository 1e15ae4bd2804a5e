using Readiness.Scoring.Geo;
using Readiness.Scoring.Scores;

namespace Readiness.Scoring.Pairing;

/// <summary>
/// Pairs mentees with mentors exactly (min-cost flow): first as many <c>starting</c> mentees as possible
/// (<see cref="PairingOptions.NeedFirst"/>), then the largest total benefit, each mentor taking at most
/// <see cref="PairingOptions.MaxMenteesPerMentor"/>. Who may take part is <see cref="MentorEligibility"/>'s
/// rule. The method, its defaults and the reasons are explained in docs/pairing.md.
/// </summary>
public static class MentorAssignment
{
    /// <summary>Benefits are solved as integers in millionths; differences below that count as ties.</summary>
    public const long BenefitScale = 1_000_000;

    /// <param name="municipalities">Everyone in scope, mentees, mentors and others (others get a role reason only).</param>
    /// <param name="neighbours">The neighbour relation; only <see cref="NeighbourSource.Boundary"/> entries count as shared borders.</param>
    /// <param name="options">Parameters; null for the defaults.</param>
    /// <param name="previousPairs">The last run's pairs, for hysteresis; null or empty for none.</param>
    public static PairingResult Solve(
        IReadOnlyList<PairingMunicipality> municipalities,
        IReadOnlyList<Neighbour> neighbours,
        PairingOptions? options = null,
        IReadOnlyCollection<PreviousPair>? previousPairs = null)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(neighbours);
        options ??= new PairingOptions();
        options.Validate();
        var duplicate = municipalities.GroupBy(m => m.Ags, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Municipality {duplicate.Key} is listed more than once.", nameof(municipalities));
        }

        var mentees = municipalities.Where(MentorEligibility.IsMentee).OrderBy(m => m.Ags, StringComparer.Ordinal).ToList();
        var mentors = municipalities.Where(m => MentorEligibility.IsMentor(m, options)).OrderBy(m => m.Ags, StringComparer.Ordinal).ToList();
        var districtOf = municipalities.ToDictionary(m => m.Ags, m => m.DistrictKey, StringComparer.Ordinal);
        var previous = (previousPairs ?? []).Select(p => (p.MenteeAgs, p.MentorAgs)).ToHashSet();
        var benefit = new PairBenefit(options);

        var reaches = CandidateFinder.Find(mentees, mentors, neighbours, districtOf, options);
        var candidates = new List<MentorPair>();
        var arcs = new List<WeightedArc>();
        var arcPairs = new List<MentorPair>();
        foreach (var reach in reaches)
        {
            var mentee = mentees[reach.Mentee];
            var mentor = mentors[reach.Mentor];
            // Out of the district rules or not clearly ahead: no candidate (the reasons below still see it).
            if (!reach.InScope || !MentorEligibility.IsClearlyAhead(mentor.Score, mentee.Score, options))
            {
                continue;
            }

            var (parts, topics) = benefit.Evaluate(mentee, mentor, reach.DistanceKm, reach.SharesBorder);
            var wasPrevious = previous.Contains((mentee.Ags, mentor.Ags));
            var pair = new MentorPair(mentee.Ags, mentor.Ags, parts, reach.DistanceKm, reach.SharesBorder,
                PairBenefit.SamePeerGroup(mentee, mentor), topics, wasPrevious);
            candidates.Add(pair);

            // Hysteresis lives only in the objective: the pair reports its true benefit.
            var objective = wasPrevious ? parts.Benefit * (1 + options.StickinessShare) + options.StickinessAbsolute : parts.Benefit;
            var weight = (long)Math.Round(objective * BenefitScale, MidpointRounding.AwayFromZero);
            if (parts.Benefit > options.MinBenefit && weight > 0)
            {
                var priority = options.NeedFirst && mentee.Tier == ReadinessTier.Starting ? 1 : 0;
                arcs.Add(new WeightedArc(reach.Mentee, reach.Mentor, weight, priority));
                arcPairs.Add(pair);
            }
        }

        var chosen = MaxWeightAssignment.Solve(mentees.Count, mentors.Count, options.MaxMenteesPerMentor, arcs);
        var pairs = arcPairs.Where((_, a) => chosen[a]).ToList();
        var totalBenefit = pairs.Sum(p => p.Benefit);

        // The price of need first: what the plan of benefit alone would have reached.
        var benefitOnly = totalBenefit;
        if (options.NeedFirst && arcs.Any(a => a.Priority > 0) && arcs.Any(a => a.Priority == 0))
        {
            var plain = MaxWeightAssignment.Solve(mentees.Count, mentors.Count, options.MaxMenteesPerMentor, [.. arcs.Select(a => a with { Priority = 0 })]);
            benefitOnly = arcPairs.Where((_, a) => plain[a]).Sum(p => p.Benefit);
        }

        var byMentee = candidates.GroupBy(c => c.MenteeAgs, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<MentorPair>)[.. g.OrderByDescending(c => c.Benefit).ThenBy(c => c.MentorAgs, StringComparer.Ordinal)],
            StringComparer.Ordinal);
        foreach (var mentee in mentees)
        {
            byMentee.TryAdd(mentee.Ags, []);
        }

        var roles = new PairingRoles(municipalities, mentees, mentors, reaches, options);
        var unpaired = roles.Unpaired(byMentee, pairs, arcPairs);
        var starting = mentees.Where(m => m.Tier == ReadinessTier.Starting).Select(m => m.Ags).ToHashSet(StringComparer.Ordinal);
        var statistics = new PairingStatistics(mentees.Count, mentors.Count, candidates.Count, arcs.Count, pairs.Count(p => p.WasPrevious))
        {
            BenefitOnlyTotal = benefitOnly,
            StartingPaired = pairs.Count(p => starting.Contains(p.MenteeAgs)),
            StartingMentees = starting.Count,
            CrossDistrictPairs = pairs.Count(p => districtOf[p.MenteeAgs] != districtOf[p.MentorAgs]),
        };
        return new PairingResult(pairs, unpaired, byMentee, totalBenefit, statistics)
        {
            Roles = roles.Explain(pairs, arcPairs, unpaired),
        };
    }
}
