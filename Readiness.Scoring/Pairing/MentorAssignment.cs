using Readiness.Scoring.Geo;

namespace Readiness.Scoring.Pairing;

/// <summary>
/// Pairs mentees with mentors so that the total benefit over the whole scope is as large as possible
/// (exact, by min-cost flow), each mentor taking at most <see cref="PairingOptions.MaxMenteesPerMentor"/>.
/// The method, its defaults and the unpaired reasons are explained in docs/pairing.md.
/// </summary>
public static class MentorAssignment
{
    /// <summary>Benefits are solved as integers in millionths; differences below that count as ties.</summary>
    public const long BenefitScale = 1_000_000;

    /// <param name="municipalities">Everyone in scope, mentees, mentors and others (others are ignored).</param>
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

        var mentees = municipalities.Where(m => m.IsMentee).OrderBy(m => m.Ags, StringComparer.Ordinal).ToList();
        var mentors = municipalities.Where(m => m.IsMentor).OrderBy(m => m.Ags, StringComparer.Ordinal).ToList();
        var previous = (previousPairs ?? []).Select(p => (p.MenteeAgs, p.MentorAgs)).ToHashSet();
        var benefit = new PairBenefit(options);

        var candidates = new List<MentorPair>();
        var arcs = new List<WeightedArc>();
        var arcPairs = new List<MentorPair>();
        foreach (var reach in CandidateFinder.Find(mentees, mentors, neighbours, options))
        {
            var mentee = mentees[reach.Mentee];
            var mentor = mentors[reach.Mentor];
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
                arcs.Add(new WeightedArc(reach.Mentee, reach.Mentor, weight));
                arcPairs.Add(pair);
            }
        }

        var chosen = MaxWeightAssignment.Solve(mentees.Count, mentors.Count, options.MaxMenteesPerMentor, arcs);
        var pairs = arcPairs.Where((_, a) => chosen[a]).ToList();
        var byMentee = candidates.GroupBy(c => c.MenteeAgs, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<MentorPair>)[.. g.OrderByDescending(c => c.Benefit).ThenBy(c => c.MentorAgs, StringComparer.Ordinal)],
            StringComparer.Ordinal);
        foreach (var mentee in mentees)
        {
            byMentee.TryAdd(mentee.Ags, []);
        }

        var unpaired = UnpairedReasons(mentees, byMentee, pairs, arcPairs, options);
        var statistics = new PairingStatistics(mentees.Count, mentors.Count, candidates.Count, arcs.Count, pairs.Count(p => p.WasPrevious));
        return new PairingResult(pairs, unpaired, byMentee, pairs.Sum(p => p.Benefit), statistics);
    }

    private static List<UnpairedMentee> UnpairedReasons(
        List<PairingMunicipality> mentees,
        Dictionary<string, IReadOnlyList<MentorPair>> byMentee,
        List<MentorPair> pairs,
        List<MentorPair> useful,
        PairingOptions options)
    {
        var paired = pairs.Select(p => p.MenteeAgs).ToHashSet(StringComparer.Ordinal);
        var load = pairs.CountBy(p => p.MentorAgs).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var usefulByMentee = useful.ToLookup(p => p.MenteeAgs, StringComparer.Ordinal);
        var result = new List<UnpairedMentee>();
        foreach (var mentee in mentees.Where(m => !paired.Contains(m.Ags)))
        {
            var all = byMentee[mentee.Ags];
            var worth = usefulByMentee[mentee.Ags].ToList();
            var reason = all.Count == 0 ? UnpairedReason.NoCandidate
                : worth.Count == 0 ? UnpairedReason.NoBenefit
                : UnpairedReason.CandidatesAtCapacity;

            // An optimum never leaves a useful candidate with a free place unused: that would add benefit.
            if (reason == UnpairedReason.CandidatesAtCapacity
                && worth.Any(c => load.GetValueOrDefault(c.MentorAgs) < options.MaxMenteesPerMentor))
            {
                throw new InvalidOperationException($"Assignment is not optimal: mentee {mentee.Ags} has a candidate with a free place.");
            }

            var best = all.Count > 0 ? all[0] : null;
            result.Add(new UnpairedMentee(mentee.Ags, reason, all.Count, best?.MentorAgs, best?.Benefit));
        }

        return result;
    }
}
