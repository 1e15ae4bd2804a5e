using Readiness.Scoring.Geo;
using Readiness.Scoring.Scores;

namespace Readiness.Scoring.Pairing;

/// <summary>
/// What the district decided about one pair, as the run needs it: <see cref="Fixed"/> pairs (agreed,
/// active or pinned) stand whatever the optimisation would say; excluded pairs (declined or forbidden,
/// within the configured months) are never proposed. Ended pairs are not passed: they free both.
/// </summary>
public sealed record PairConstraint(string MenteeAgs, string MentorAgs, bool Fixed);

/// <summary>
/// Applies the district's decisions around <see cref="MentorAssignment.Solve"/> without changing it:
/// the candidates and their benefits come from the solver as they are; the assignment is then made
/// again over the same candidates with the fixed mentees taken out, the excluded pairs removed and each
/// mentor's places reduced by its fixed mentees, with the same need-first priority; the fixed pairs are added to the result.
/// </summary>
/// <remarks>
/// A mentor's reduced capacity is expressed to the uniform-capacity solver by placeholder mentees that
/// can go only to that mentor and weigh more than any real pair: an assignment without one of them could
/// swap it in for a real mentee there (or take a free place) and gain, so every optimum gives them their
/// place, and the mentor has exactly its remaining places for real mentees. Keeping the placeholder
/// weight at the largest real one plus one keeps the solver's cost range as it was. The objective of a pair
/// (true benefit, or the hysteresis-raised one for a previous pair) is the one <see cref="MentorAssignment"/>
/// uses; keep the two in step.
/// </remarks>
public static class PairDecisions
{
    /// <summary>The pairing of a run, respecting <paramref name="constraints"/>; without any, exactly <see cref="MentorAssignment.Solve"/>.</summary>
    public static PairingResult Solve(
        IReadOnlyList<PairingMunicipality> municipalities,
        IReadOnlyList<Neighbour> neighbours,
        PairingOptions options,
        IReadOnlyCollection<PreviousPair> previousPairs,
        IReadOnlyCollection<PairConstraint> constraints)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(constraints);
        var solved = MentorAssignment.Solve(municipalities, neighbours, options, previousPairs);
        if (constraints.Count == 0)
        {
            return solved;
        }

        var byAgs = municipalities.ToDictionary(m => m.Ags, StringComparer.Ordinal);
        var previous = (previousPairs ?? []).Select(p => (p.MenteeAgs, p.MentorAgs)).ToHashSet();
        var fixedPairs = FixedPairs(constraints, byAgs, solved, neighbours, options, previous);
        var excluded = constraints.Where(c => !c.Fixed).Select(c => (c.MenteeAgs, c.MentorAgs)).ToHashSet();
        var fixedMentees = fixedPairs.Select(p => p.MenteeAgs).ToHashSet(StringComparer.Ordinal);
        var fixedLoad = fixedPairs.CountBy(p => p.MentorAgs).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var capacity = options.MaxMenteesPerMentor;

        // Pairs the optimisation may still choose: useful, not excluded, mentee free, mentor with a place left.
        var open = solved.Candidates
            .Where(c => !fixedMentees.Contains(c.Key))
            .SelectMany(c => c.Value)
            .Where(p => p.Benefit > options.MinBenefit
                && !excluded.Contains((p.MenteeAgs, p.MentorAgs))
                && fixedLoad.GetValueOrDefault(p.MentorAgs) < capacity)
            .Select(p => (Pair: p, Weight: Weight(p, options)))
            .Where(p => p.Weight > 0)
            .ToList();
        var menteeIndex = Index(open.Select(p => p.Pair.MenteeAgs));
        var mentorIndex = Index(open.Select(p => p.Pair.MentorAgs));
        open.Sort((a, b) => (menteeIndex[a.Pair.MenteeAgs], mentorIndex[a.Pair.MentorAgs])
            .CompareTo((menteeIndex[b.Pair.MenteeAgs], mentorIndex[b.Pair.MentorAgs])));

        // Need first, as in MentorAssignment: a starting mentee is paired before any developing one it competes with.
        var arcs = open.Select(p => new WeightedArc(menteeIndex[p.Pair.MenteeAgs], mentorIndex[p.Pair.MentorAgs], p.Weight,
            options.NeedFirst && byAgs[p.Pair.MenteeAgs].Tier == ReadinessTier.Starting ? 1 : 0)).ToList();
        var placeholder = arcs.Count == 0 ? 1 : arcs.Max(a => a.Weight) + 1;
        var left = menteeIndex.Count;
        foreach (var (mentor, load) in fixedLoad.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (load < capacity && mentorIndex.TryGetValue(mentor, out var right))
            {
                for (var i = 0; i < load; i++)
                {
                    // Priority 1 too: worth more than any real pair of either priority, so every optimum still seats them.
                    arcs.Add(new WeightedArc(left++, right, placeholder, 1));
                }
            }
        }

        var chosen = MaxWeightAssignment.Solve(left, mentorIndex.Count, capacity, arcs);
        var pairs = open.Where((_, a) => chosen[a]).Select(p => p.Pair).Concat(fixedPairs)
            .OrderBy(p => p.MenteeAgs, StringComparer.Ordinal).ToList();
        var unpaired = Unpaired(solved, pairs, open.Select(p => p.Pair));

        // The price of need first under the same decisions: the open pairs chosen for benefit alone.
        var benefitOnly = pairs.Sum(p => p.Benefit);
        if (arcs.Take(open.Count).Any(a => a.Priority > 0))
        {
            var plain = MaxWeightAssignment.Solve(left, mentorIndex.Count, capacity, [.. arcs.Select((a, i) => i < open.Count ? a with { Priority = 0 } : a)]);
            benefitOnly = open.Where((_, a) => plain[a]).Sum(p => p.Pair.Benefit) + fixedPairs.Sum(p => p.Benefit);
        }

        var statistics = solved.Statistics with
        {
            UsefulCandidatePairs = open.Count,
            KeptFromPrevious = pairs.Count(p => p.WasPrevious),
            BenefitOnlyTotal = benefitOnly,
            StartingPaired = pairs.Count(p => byAgs.TryGetValue(p.MenteeAgs, out var m) && m.Tier == ReadinessTier.Starting),
            CrossDistrictPairs = pairs.Count(p => byAgs.TryGetValue(p.MenteeAgs, out var a) && byAgs.TryGetValue(p.MentorAgs, out var b) && a.DistrictKey != b.DistrictKey),
        };
        return new PairingResult(pairs, unpaired, solved.Candidates, pairs.Sum(p => p.Benefit), statistics)
        {
            Roles = Roles(solved, pairs, unpaired, open.Select(p => p.Pair.MentorAgs).ToHashSet(StringComparer.Ordinal)),
        };
    }

    /// <summary>How many of <paramref name="result"/>'s pairs stand because of a decision.</summary>
    public static int FixedCount(PairingResult result, IReadOnlyCollection<PairConstraint> constraints)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(constraints);
        var fixedPairs = constraints.Where(c => c.Fixed).Select(c => (c.MenteeAgs, c.MentorAgs)).ToHashSet();
        return result.Pairs.Count(p => fixedPairs.Contains((p.MenteeAgs, p.MentorAgs)));
    }

    /// <summary>Hysteresis in the objective only, as in <see cref="MentorAssignment"/>.</summary>
    private static long Weight(MentorPair pair, PairingOptions options)
    {
        var objective = pair.WasPrevious ? pair.Benefit * (1 + options.StickinessShare) + options.StickinessAbsolute : pair.Benefit;
        return (long)Math.Round(objective * MentorAssignment.BenefitScale, MidpointRounding.AwayFromZero);
    }

    private static Dictionary<string, int> Index(IEnumerable<string> keys) =>
        keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((key, i) => (key, i)).ToDictionary(k => k.key, k => k.i, StringComparer.Ordinal);

    /// <summary>One fixed pair per mentee (the first by mentor AGS), each with its candidate record or, if none, one evaluated here.</summary>
    private static List<MentorPair> FixedPairs(
        IEnumerable<PairConstraint> constraints,
        Dictionary<string, PairingMunicipality> byAgs,
        PairingResult solved,
        IReadOnlyList<Neighbour> neighbours,
        PairingOptions options,
        HashSet<(string, string)> previous)
    {
        var benefit = new PairBenefit(options);
        var result = new List<MentorPair>();
        foreach (var decided in constraints.Where(c => c.Fixed)
            .OrderBy(c => c.MenteeAgs, StringComparer.Ordinal).ThenBy(c => c.MentorAgs, StringComparer.Ordinal)
            .DistinctBy(c => c.MenteeAgs))
        {
            if (solved.CandidatesOf(decided.MenteeAgs).FirstOrDefault(c => c.MentorAgs == decided.MentorAgs) is { } candidate)
            {
                result.Add(candidate);
            }
            else if (byAgs.TryGetValue(decided.MenteeAgs, out var mentee) && byAgs.TryGetValue(decided.MentorAgs, out var mentor))
            {
                var distance = mentee.Location is { } a && mentor.Location is { } b ? a.DistanceKm(b) : 0;
                var border = neighbours.Any(n => n.Source == NeighbourSource.Boundary && n.Ags == mentee.Ags && n.NeighbourAgs == mentor.Ags);
                var (parts, topics) = benefit.Evaluate(mentee, mentor, distance, border);
                result.Add(new MentorPair(mentee.Ags, mentor.Ags, parts, distance, border, PairBenefit.SamePeerGroup(mentee, mentor), topics,
                    previous.Contains((mentee.Ags, mentor.Ags))));
            }
        }

        return result;
    }

    /// <summary>
    /// Reasons for mentees left without a mentor: no candidate; no useful candidate (none with a benefit,
    /// or only declined or forbidden ones); or every useful candidate full.
    /// </summary>
    private static List<UnpairedMentee> Unpaired(PairingResult solved, List<MentorPair> pairs, IEnumerable<MentorPair> open)
    {
        var paired = pairs.Select(p => p.MenteeAgs).ToHashSet(StringComparer.Ordinal);
        var useful = open.Select(p => p.MenteeAgs).ToHashSet(StringComparer.Ordinal);
        return [.. solved.Candidates.Keys.Where(ags => !paired.Contains(ags)).Order(StringComparer.Ordinal).Select(ags =>
        {
            var all = solved.CandidatesOf(ags);
            // Without any candidate the mentee was unpaired before the decisions too, for the same precise cause.
            var cause = all.Count == 0 ? solved.Unpaired.First(u => u.Ags == ags).Cause
                : useful.Contains(ags) ? PairingRoleReason.CandidatesAtCapacity
                : PairingRoleReason.NoBenefit;
            var reason = all.Count == 0 ? UnpairedReason.NoCandidate
                : useful.Contains(ags) ? UnpairedReason.CandidatesAtCapacity
                : UnpairedReason.NoBenefit;
            var best = all.Count > 0 ? all[0] : null;
            return new UnpairedMentee(ags, reason, all.Count, best?.MentorAgs, best?.Benefit, cause);
        })];
    }

    /// <summary>
    /// Every municipality's role after the decisions: the undecided plan's roles, with the pairs and unpaired mentees of the
    /// decided plan; a mentor that lost its mentees to decisions has mentees paired elsewhere, or nothing to pass on.
    /// </summary>
    private static Dictionary<string, PairingRoleExplanation> Roles(
        PairingResult solved, List<MentorPair> pairs, List<UnpairedMentee> unpaired, HashSet<string> usefulMentors)
    {
        var roles = new Dictionary<string, PairingRoleExplanation>(solved.Roles, StringComparer.Ordinal);
        foreach (var (ags, role) in solved.Roles.Where(r => r.Value.Reason is PairingRoleReason.MentorPaired))
        {
            roles[ags] = new(PairingRole.Mentor, usefulMentors.Contains(ags) ? PairingRoleReason.MenteesPairedElsewhere : PairingRoleReason.NothingToPass);
        }

        foreach (var p in pairs)
        {
            roles[p.MenteeAgs] = new(PairingRole.Mentee, PairingRoleReason.MenteePaired);
            roles[p.MentorAgs] = new(PairingRole.Mentor, PairingRoleReason.MentorPaired);
        }

        foreach (var u in unpaired)
        {
            roles[u.Ags] = new(PairingRole.Mentee, u.Cause);
        }

        return roles;
    }
}
