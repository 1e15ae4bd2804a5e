using System.Diagnostics;
using Readiness.Scoring.Geo;
using Readiness.Scoring.Pairing;

namespace Readiness.Tests.Scoring.Pairing;

/// <summary>Pairing on the real Bavarian places, with seeded stand-ins for tiers and structures.</summary>
public sealed class RealDataPairingTests
{
    [Test]
    public void Bavaria_Pairs_AreValid_Deterministic_AndTimed()
    {
        var data = StandInInputs.Bavaria;
        var places = StandInInputs.ForPairing(data, seed: 7);
        var options = new PairingOptions();
        MentorAssignment.Solve(places, data.Neighbours, options); // warm-up: native OR-Tools load, JIT

        var watch = Stopwatch.StartNew();
        var result = MentorAssignment.Solve(places, data.Neighbours, options);
        watch.Stop();
        var again = MentorAssignment.Solve([.. places.AsEnumerable().Reverse()], data.Neighbours, options);

        var byAgs = places.ToDictionary(p => p.Ags);
        var borders = data.Neighbours.Where(n => n.Source == NeighbourSource.Boundary).Select(n => (n.Ags, n.NeighbourAgs)).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(result.Pairs.CountBy(p => p.MentorAgs).Select(c => c.Value), Is.Not.Empty.And.All.LessThanOrEqualTo(2));
            Assert.That(result.Pairs.Select(p => p.MenteeAgs), Is.Unique);
            Assert.That(result.Pairs.All(p => byAgs[p.MenteeAgs].DistrictKey == byAgs[p.MentorAgs].DistrictKey), "no pair crosses a district");
            Assert.That(result.Pairs.All(p => p.DistanceKm <= 30 || borders.Contains((p.MenteeAgs, p.MentorAgs))), "within reach");
            Assert.That(result.Pairs.All(p => p.Topics.Count > 0), "every pair has a topic");
            Assert.That(again.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs)), Is.EqualTo(result.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs))));
        });

        var reasons = string.Join(", ", result.Unpaired.CountBy(u => u.Reason).Select(c => $"{c.Key} {c.Value}"));
        TestContext.Out.WriteLine(
            $"Bavaria pairing: {result.Statistics.Mentees} mentees, {result.Statistics.Mentors} mentors, " +
            $"{result.Statistics.CandidatePairs} candidate pairs ({result.Statistics.UsefulCandidatePairs} useful), " +
            $"{result.Pairs.Count} pairs, total benefit {result.TotalBenefit:F2}, unpaired: {reasons}; {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Test]
    public void Bavaria_NightlyRun_WithLastRunsPairs_KeepsMostOfThem()
    {
        var data = StandInInputs.Bavaria;
        var last = MentorAssignment.Solve(StandInInputs.ForPairing(data, seed: 7), data.Neighbours);
        // The next night: the same places, slightly changed scores.
        var random = new Random(8);
        var tonight = StandInInputs.ForPairing(data, seed: 7)
            .Select(p => p with { Score = p.Score + (random.NextDouble() - 0.5) * 4 })
            .ToList();

        var sticky = MentorAssignment.Solve(tonight, data.Neighbours, previousPairs: [.. last.Pairs.Select(p => new PreviousPair(p.MenteeAgs, p.MentorAgs))]);
        var fresh = MentorAssignment.Solve(tonight, data.Neighbours);

        var lastPairs = last.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs)).ToHashSet();
        var keptSticky = sticky.Pairs.Count(p => lastPairs.Contains((p.MenteeAgs, p.MentorAgs)));
        var keptFresh = fresh.Pairs.Count(p => lastPairs.Contains((p.MenteeAgs, p.MentorAgs)));
        TestContext.Out.WriteLine($"kept with hysteresis {keptSticky} of {last.Pairs.Count}, without {keptFresh}");
        Assert.That(keptSticky, Is.GreaterThanOrEqualTo(keptFresh));
        Assert.That(sticky.Statistics.KeptFromPrevious, Is.EqualTo(keptSticky));
    }
}
