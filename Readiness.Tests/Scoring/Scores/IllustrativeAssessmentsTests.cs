using Readiness.Data;
using Readiness.Data.BaseData;
using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using Readiness.Tests.Support;

namespace Readiness.Tests.Scoring.Scores;

/// <summary>The illustrative generator on the real base data of all 10,752 municipalities.</summary>
public sealed class IllustrativeAssessmentsTests
{
    private const string Munich = "09162000";
    private const string Nuremberg = "09564000";
    private static readonly DateOnly ReferenceDate = new(2025, 1, 1);

    private IReadOnlyList<MunicipalityFacts> municipalities = [];
    private IReadOnlyList<Assessment> assessments = [];
    private ScoringRun run = null!;

    [OneTimeSetUp]
    public void ReadTheRealBaseData()
    {
        var database = Database.ForFile(SeededDatabase.CopyInto(SeededDatabase.NewDirectory()));
        using (var connection = database.Open())
        {
            municipalities = BaseDataReader.Read(connection).Municipalities;
        }

        assessments = IllustrativeAssessments.Generate(municipalities, ReferenceDate);
        run = ReadinessScorer.Score(DefaultProfile.Instance, [.. municipalities.Select((m, i) => new ScoringInput(m, assessments[i].Answers))]);
    }

    [Test]
    public void Generate_IsDeterministic_AndLabelledIllustrative()
    {
        var again = IllustrativeAssessments.Generate(municipalities, ReferenceDate);

        Assert.That(municipalities, Has.Count.EqualTo(10_752));
        Assert.That(again, Is.EqualTo(assessments));
        Assert.That(assessments.Select(a => a.Source), Is.Not.Empty.And.All.EqualTo(AssessmentSource.Illustrative));
        Assert.That(assessments.Select(a => a.Ags), Is.EqualTo(municipalities.Select(m => m.Ags)));
    }

    [Test]
    public void Answers_DoNotDependOnTheOtherMunicipalities_ButOnTheSeed()
    {
        var munich = municipalities.Single(m => m.Ags == Munich);

        Assert.That(IllustrativeAssessments.Answers(munich), Is.EqualTo(assessments.Single(a => a.Ags == Munich).Answers));
        var reseeded = municipalities.Take(200).Select(m => IllustrativeAssessments.Answers(m, seed: 1)).ToList();
        Assert.That(reseeded, Is.Not.EqualTo(assessments.Take(200).Select(a => a.Answers).ToList()));
    }

    [Test]
    public void AllFourTiers_OccurInBavaria()
    {
        var bavaria = Tiers(m => m.StateKey == "09");

        // Experienced needs half a paid position besides its score (tier requirements), so it is the rarest: 1 in 40.
        foreach (var tier in new[] { ReadinessTier.Starting, ReadinessTier.Developing, ReadinessTier.Established, ReadinessTier.Experienced })
        {
            Assert.That(bavaria.Count(t => t == tier), Is.GreaterThan(bavaria.Count / (tier == ReadinessTier.Experienced ? 40 : 20)), tier.ToString());
        }
    }

    [TestCase(Munich)]
    [TestCase(Nuremberg)]
    public void BigCities_AreEstablishedOrExperienced(string ags) =>
        Assert.That(run.Results[run.IndexOf(ags)].Tier, Is.EqualTo(ReadinessTier.Established).Or.EqualTo(ReadinessTier.Experienced));

    [Test]
    public void SmallVillages_AreMostlyStartingOrDeveloping()
    {
        var villages = Tiers(m => m.StateKey == "09" && m.Population < 1000);

        var early = villages.Count(t => t is ReadinessTier.Starting or ReadinessTier.Developing);
        Assert.That(early, Is.GreaterThan(villages.Count * 3 / 4));
    }

    [Test]
    public void InsufficientData_OccursButRarely()
    {
        var all = Tiers(_ => true);
        var bavaria = Tiers(m => m.StateKey == "09");

        Assert.That(all.Count(t => t == ReadinessTier.InsufficientData), Is.InRange(1, all.Count / 20));
        Assert.That(bavaria.Count(t => t == ReadinessTier.InsufficientData), Is.InRange(1, bavaria.Count / 20));
    }

    [Test]
    public void Answers_LeaveSomeMissing_AndKeepValuesPlausible()
    {
        var answers = assessments.Select(a => a.Answers).ToList();

        var missingContact = answers.Count(a => a.ContactPerson is null) / (double)answers.Count;
        Assert.That(missingContact, Is.InRange(0.03, 0.10));
        Assert.That(answers.Select(a => a.PaidStaffFte ?? 0), Is.Not.Empty.And.All.InRange(0, 1000));
        Assert.That(answers.Select(a => a.YearsOfIntegrationWork ?? 0), Is.Not.Empty.And.All.InRange(0, 35));
        Assert.That(answers.Select(a => a.ActiveVolunteers ?? 0), Is.Not.Empty.And.All.GreaterThanOrEqualTo(0));
    }

    private List<ReadinessTier> Tiers(Func<MunicipalityFacts, bool> filter) =>
        [.. Enumerable.Range(0, municipalities.Count).Where(i => filter(municipalities[i])).Select(i => run.Results[i].Tier)];
}
