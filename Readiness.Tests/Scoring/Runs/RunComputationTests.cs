using Microsoft.Data.Sqlite;
using Readiness.Data;
using Readiness.Data.BaseData;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Runs;
using Readiness.Scoring.Scores;
using Readiness.Tests.Support;

namespace Readiness.Tests.Scoring.Runs;

/// <summary>The whole computation on the real base data with the illustrative assessments.</summary>
public sealed class RunComputationTests
{
    private static BaseDataSnapshot baseData = null!;
    private static RunInputs inputs = null!;
    private static RunOutputs outputs = null!;

    [OneTimeSetUp]
    public static void ComputeOnce()
    {
        var directory = SeededDatabase.NewDirectory();
        var database = Database.ForFile(SeededDatabase.CopyInto(directory));
        using (var connection = database.Open())
        {
            baseData = BaseDataReader.Read(connection);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);

        var answers = IllustrativeAssessments.Generate(baseData.Municipalities, new DateOnly(2024, 12, 31))
            .ToDictionary(a => a.Ags, a => a.Answers);
        inputs = new RunInputs(baseData.Municipalities, baseData.Neighbours, answers, [DefaultProfile.Instance], [], [], RunParameters.Default);
        outputs = RunComputation.Compute(inputs, PlainStageRunner.Instance);
    }

    [Test]
    public void Compute_ScoresEveryMunicipality_AndRanksThemInTheirGroups()
    {
        var scores = outputs.Default;
        Assert.That(scores.Scoring.Results, Has.Count.EqualTo(10_752));
        Assert.That(scores.RankAll.Count(r => r == 1), Is.GreaterThanOrEqualTo(1));
        var districts = baseData.Municipalities.Select(m => m.DistrictKey).Distinct().Count();
        Assert.That(scores.RankDistrict.Count(r => r == 1), Is.GreaterThanOrEqualTo(districts - 5), "nearly every district has a first");
        Assert.That(scores.Robustness.Overall.Count(i => i is not null), Is.EqualTo(scores.Scoring.Results.Count(r => r.Score is not null)));
    }

    [Test]
    public void Compute_PairsOnlyEligibleMunicipalities_WithinCapacity()
    {
        var tiers = outputs.Default.Scoring.Results.ToDictionary(r => r.Ags, r => r.Tier);
        var pairs = outputs.Pairing.Pairs;
        Assert.That(pairs, Is.Not.Empty);
        Assert.That(pairs.Select(p => tiers[p.MenteeAgs]), Is.Not.Empty.And.All.AnyOf(ReadinessTier.Starting, ReadinessTier.Developing));
        Assert.That(pairs.Select(p => tiers[p.MentorAgs]), Is.Not.Empty.And.All.AnyOf(ReadinessTier.Established, ReadinessTier.Experienced));
        Assert.That(pairs.GroupBy(p => p.MentorAgs).Max(g => g.Count()), Is.LessThanOrEqualTo(new PairingOptions().MaxMenteesPerMentor));
        Assert.That(pairs.Select(p => p.MenteeAgs), Is.Unique);
    }

    [Test]
    public void Tiers_OnRealData_NoUpperTierWithoutAContactPerson_NorExperiencedWithoutHalfAPaidPosition()
    {
        var results = outputs.Default.Scoring.Results;
        var upper = results.Where(r => r.Tier is ReadinessTier.Established or ReadinessTier.Experienced).ToList();
        var capped = results.Where(r => r.TierCappedBy.Count > 0).ToList();

        Assert.That(upper, Is.Not.Empty);
        Assert.That(upper.Where(r => inputs.Answers.GetValueOrDefault(r.Ags)?.ContactPerson != true).Select(r => r.Ags), Is.Empty);
        Assert.That(results.Where(r => r.Tier == ReadinessTier.Experienced && !(inputs.Answers[r.Ags].PaidStaffFte >= 0.5)).Select(r => r.Ags), Is.Empty);
        Assert.That(capped, Is.Not.Empty, "the illustrative data has places the requirements hold back");
        Assert.That(capped.Select(r => r.Tier < r.TierByScore), Is.Not.Empty.And.All.True);
        TestContext.Out.WriteLine($"capped: {capped.Count} ({string.Join(", ", capped.SelectMany(r => r.TierCappedBy).CountBy(k => k).Select(c => $"{c.Key} {c.Value}"))})");
    }

    [Test]
    public void Priority_OnRealData_IsGivenWhereverAScoreAndACensusFigureAre_AndPutsNeedFirst()
    {
        var scores = outputs.Default;
        var priorities = scores.Priorities;
        var expected = baseData.Municipalities.Select((m, row) => scores.Scoring.Results[row].Score is not null && m.ForeignResidents is not null).ToList();

        Assert.That(priorities.Select(p => p is not null), Is.EqualTo(expected));
        Assert.That(priorities.Count(p => p is not null), Is.GreaterThan(10_000));
        var top = Priority.Highest(scores.Scoring, priorities, 5, row => baseData.Municipalities[row].DistrictKey == "09187");
        Assert.That(top, Has.Count.EqualTo(5));
        Assert.That(top.Select(r => priorities[r]), Is.Ordered.Descending);
        TestContext.Out.WriteLine($"Landkreis Rosenheim, where support matters most: {string.Join(", ", top.Select(r => $"{baseData.Municipalities[r].Name} {priorities[r]:F0}"))}");
    }

    [Test]
    public void Pairing_OnRealData_MentorsAreClearlyAhead_AndNotOverloaded()
    {
        var scores = outputs.Default.Scoring.Results.ToDictionary(r => r.Ags);
        var row = baseData.Municipalities.Select((m, i) => (m.Ags, i)).ToDictionary(x => x.Ags, x => x.i);
        var options = new PairingOptions();
        var pairs = outputs.Pairing.Pairs;

        Assert.That(pairs, Is.Not.Empty);
        Assert.That(pairs.Select(p => scores[p.MentorAgs].Score - scores[p.MenteeAgs].Score), Is.Not.Empty.And.All.GreaterThanOrEqualTo(options.MinScoreGap - 1e-9));
        Assert.That(pairs.SelectMany(p => outputs.Default.Flags[row[p.MentorAgs]]).Intersect(options.MentorExcludedFlags), Is.Empty);
        Assert.That(pairs.Select(p => scores[p.MentorAgs].Tier), Is.Not.Empty.And.All.AnyOf(ReadinessTier.Established, ReadinessTier.Experienced));
    }

    [Test]
    public void Pairing_OnRealData_NoStartingMenteeLeftOut_ForADevelopingOneAtAMentorItCouldUse()
    {
        var tier = outputs.Default.Scoring.Results.ToDictionary(r => r.Ags, r => r.Tier);
        var developingAt = outputs.Pairing.Pairs.Where(p => tier[p.MenteeAgs] == ReadinessTier.Developing).Select(p => p.MentorAgs).ToHashSet();
        var unpairedStarting = outputs.Pairing.Unpaired.Where(u => tier[u.Ags] == ReadinessTier.Starting).ToList();
        var withUsefulCandidates = unpairedStarting.Where(u => outputs.Pairing.CandidatesOf(u.Ags).Any(c => c.Benefit > 0)).ToList();

        Assert.That(unpairedStarting, Is.Not.Empty, "the real data has starting mentees left over");
        Assert.That(
            withUsefulCandidates.SelectMany(u => outputs.Pairing.CandidatesOf(u.Ags).Where(c => c.Benefit > 0 && developingAt.Contains(c.MentorAgs)).Select(c => $"{u.Ags}>{c.MentorAgs}")),
            Is.Empty);
        TestContext.Out.WriteLine(
            $"starting mentees {outputs.Pairing.Statistics.StartingMentees}, paired {outputs.Pairing.Statistics.StartingPaired}; " +
            $"price of need first in benefit {outputs.Pairing.NeedFirstPrice:F4} of {outputs.Pairing.Statistics.BenefitOnlyTotal:F4}");
    }

    [Test]
    public void Pairing_OnRealData_KreisfreieStaedteMentorAcrossTheirBorder()
    {
        var facts = baseData.Municipalities.ToDictionary(m => m.Ags);
        var cityPairs = outputs.Pairing.Pairs.Where(p => facts[p.MentorAgs].Kind == "kreisfreie-stadt").ToList();

        Assert.That(cityPairs, Is.Not.Empty);
        Assert.That(cityPairs.Select(p => facts[p.MenteeAgs].DistrictKey != facts[p.MentorAgs].DistrictKey), Is.Not.Empty.And.All.True);
        Assert.That(outputs.Pairing.Statistics.CrossDistrictPairs, Is.EqualTo(cityPairs.Count), "only cities cross a district border by default");
        var cities = cityPairs.Select(p => facts[p.MentorAgs].Name).Distinct().Take(8);
        TestContext.Out.WriteLine($"{cityPairs.Count} pairs with a city mentor, e.g. {string.Join(", ", cities)}");
    }

    [Test]
    public void Pairing_OnRealData_EveryMunicipalityHasOneTrueRole()
    {
        var roles = outputs.Pairing.Roles;
        var paired = outputs.Pairing.Pairs.Select(p => p.MenteeAgs).ToHashSet();
        var mentoring = outputs.Pairing.Pairs.Select(p => p.MentorAgs).ToHashSet();

        Assert.That(roles, Has.Count.EqualTo(baseData.Municipalities.Count));
        Assert.That(roles.Where(r => r.Value.Reason == PairingRoleReason.MenteePaired).Select(r => r.Key), Is.EquivalentTo(paired));
        Assert.That(roles.Where(r => r.Value.Reason == PairingRoleReason.MentorPaired).Select(r => r.Key), Is.EquivalentTo(mentoring));
        Assert.That(outputs.Pairing.Unpaired.Select(u => roles[u.Ags].Reason), Is.EqualTo(outputs.Pairing.Unpaired.Select(u => u.Cause)));
        TestContext.Out.WriteLine(string.Join(", ", roles.Values.CountBy(r => r.Reason).OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
    }

    [Test]
    public void SharedServices_OnRealData_AnOfferWhereverTwoMembersLackAStructure_AndBigTownsOnlyAsHosts()
    {
        var facts = baseData.Municipalities.ToDictionary(m => m.Ags);
        var threshold = new Readiness.Scoring.SharedServices.SharedServiceOptions().PopulationThreshold;
        var groups = outputs.SharedServices.Groups;
        var gaps = new List<string>();
        foreach (var group in groups)
        {
            foreach (var structure in Structures.All)
            {
                var lacking = group.Members.Count(m => inputs.Answers.TryGetValue(m, out var a) && Structures.Has(a, structure) == false);
                if (lacking >= 2 && !group.SuggestedOffers.Any(o => o.Because.Contains(structure)))
                {
                    gaps.Add($"{group.Id}:{structure}");
                }
            }
        }

        var hosts = groups.SelectMany(g => g.Hosts).ToList();
        Assert.That(groups, Is.Not.Empty);
        Assert.That(gaps, Is.Empty);
        Assert.That(groups.SelectMany(g => g.Members).Where(m => facts[m].Population >= threshold), Is.Empty, "no member above the threshold");
        Assert.That(hosts, Is.Not.Empty);
        Assert.That(hosts.Select(h => facts[h.Ags].Population), Is.Not.Empty.And.All.GreaterThanOrEqualTo(threshold));
        Assert.That(hosts.Select(h => h.Structures.Count), Is.Not.Empty.And.All.GreaterThan(0));
        Assert.That(groups.SelectMany(g => g.SuggestedOffers).Where(o => o.Kind == Readiness.Scoring.SharedServices.OfferKind.Host).Select(o => o.HostAgs),
            Is.Not.Empty.And.All.Not.Null);
        TestContext.Out.WriteLine($"{groups.Count} groups, {hosts.Count} hosts above the threshold, offers: " +
            string.Join(", ", groups.SelectMany(g => g.SuggestedOffers).CountBy(o => o.Kind).Select(c => $"{c.Key} {c.Value}")));
    }

    [Test]
    public void Compute_PeerGroups_CoverGermany_AndSharedGroupsStayInTheirDistrict()
    {
        Assert.That(outputs.PeerGroupOf, Has.Count.EqualTo(10_752));
        Assert.That(outputs.PeerGroups.Groups.Count, Is.InRange(new PeerGroupOptions().MinK, new PeerGroupOptions().MaxK));
        var district = baseData.Municipalities.ToDictionary(m => m.Ags, m => m.DistrictKey);
        foreach (var group in outputs.SharedServices.Groups)
        {
            Assert.That(group.Members.Select(m => district[m]).Distinct().Count(), Is.EqualTo(1), group.Id);
        }
    }

    [Test]
    public void Compute_IsDeterministic()
    {
        var again = RunComputation.Compute(inputs, PlainStageRunner.Instance);

        Assert.That(again.Default.Scoring.Results.Select(r => r.Score), Is.EqualTo(outputs.Default.Scoring.Results.Select(r => r.Score)));
        Assert.That(again.Pairing.Pairs.Select(p => $"{p.MenteeAgs}>{p.MentorAgs}"), Is.EqualTo(outputs.Pairing.Pairs.Select(p => $"{p.MenteeAgs}>{p.MentorAgs}")));
        Assert.That(again.SharedServices.Groups.Select(g => string.Join(",", g.Members)), Is.EqualTo(outputs.SharedServices.Groups.Select(g => string.Join(",", g.Members))));
        Assert.That(again.PeerGroupOf, Is.EquivalentTo(outputs.PeerGroupOf));
    }

    [Test]
    public void StructureWeights_FollowTheProfile()
    {
        var weights = RunComputation.StructureWeights(DefaultProfile.Instance);

        Assert.That(weights.Keys, Is.EquivalentTo(Structures.All));
        Assert.That(weights.Values, Is.Not.Empty.And.All.GreaterThan(0));
        var structuresPillar = DefaultProfile.Instance.Pillars.Single(p => p.Key == "structures").Weight;
        Assert.That(weights.Values.Sum(), Is.EqualTo(structuresPillar).Within(1e-9), "the eight structures are the whole structures pillar");
    }
}
