using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

public sealed class DistrictSummaryTests
{
    // Town: 20,000 × 0.2 = 4,000 foreign residents; village A: 1,000 × 0.05 = 50; village B: 2,000 × 0.05 = 100;
    // village C: share not published. District total 4,150.
    private static readonly DistrictMember[] Members =
    [
        new(Facts("09000001", 20_000, 0.20), new AssessmentAnswers { ContactPerson = true, MigrantCouncil = true, PaidStaffFte = 2 }, AssessmentSource.Surveyed, ReadinessTier.Experienced),
        new(Facts("09000002", 1_000, 0.05), new AssessmentAnswers { ContactPerson = true, MigrantCouncil = false, PaidStaffFte = 0 }, AssessmentSource.Illustrative, ReadinessTier.Developing),
        new(Facts("09000003", 2_000, 0.05), new AssessmentAnswers { ContactPerson = false }, AssessmentSource.Illustrative, ReadinessTier.Starting),
        new(Facts("09000004", 500, null), null, null, ReadinessTier.InsufficientData),
    ];

    [Test]
    public void Compute_CountsTiers()
    {
        var summary = DistrictSummary.Compute(Members);

        Assert.That(summary.Tiers, Is.EqualTo(new TierCounts(Starting: 1, Developing: 1, Established: 0, Experienced: 1, InsufficientData: 1)));
        Assert.That((summary.Municipalities, summary.ForeignResidents), Is.EqualTo((4, 4150.0)));
    }

    [Test]
    public void Compute_CoversStructures_ByMunicipalitiesAndForeignResidents()
    {
        var summary = DistrictSummary.Compute(Members).Structures.ToDictionary(s => s.Structure);

        // Contact person: town and village A have it (4,050 of 4,150), B lacks it, C unknown (no census share: 0).
        Assert.That(summary[Structures.ContactPerson], Is.EqualTo(new StructureCoverage(Structures.ContactPerson, 2, 1, 1, 4050.0 / 4150, 0)).Using<StructureCoverage>(Tolerant));
        // Migrant council: only the town (4,000); B did not answer (100 of 4,150 unknown).
        Assert.That(summary[Structures.MigrantCouncil], Is.EqualTo(new StructureCoverage(Structures.MigrantCouncil, 1, 1, 2, 4000.0 / 4150, 100.0 / 4150)).Using<StructureCoverage>(Tolerant));
        Assert.That(summary[Structures.PaidStaff], Is.EqualTo(new StructureCoverage(Structures.PaidStaff, 1, 1, 2, 4000.0 / 4150, 100.0 / 4150)).Using<StructureCoverage>(Tolerant));
        Assert.That(summary.Keys, Is.EquivalentTo(Structures.All));
    }

    [Test]
    public void Compute_CountsDataQuality()
    {
        var quality = DistrictSummary.Compute(Members).DataQuality;

        Assert.That(quality, Is.EqualTo(new DataQualityCounts(Surveyed: 1, Illustrative: 2, Missing: 1)));
        Assert.That(quality.Label, Is.EqualTo("mixed"));
        Assert.That(new DataQualityCounts(0, 5, 2).Label, Is.EqualTo("illustrative"));
    }

    private static bool Tolerant(StructureCoverage a, StructureCoverage b) =>
        (a.Structure, a.Having, a.Lacking, a.Unknown) == (b.Structure, b.Having, b.Lacking, b.Unknown)
        && Close(a.ForeignResidentsShareHaving, b.ForeignResidentsShareHaving)
        && Close(a.ForeignResidentsShareUnknown, b.ForeignResidentsShareUnknown);

    private static bool Close(double? a, double? b) => a is { } x && b is { } y ? Math.Abs(x - y) < 1e-12 : a == b;
}
