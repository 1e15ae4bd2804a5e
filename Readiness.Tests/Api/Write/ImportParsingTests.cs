using Readiness.Api.Assessments;

namespace Readiness.Tests.Api.Write;

public sealed class ImportParsingTests
{
    [TestCase("0,5", 0.5)]
    [TestCase("0.5", 0.5)]
    [TestCase("15000", 15000)]
    [TestCase("15000,50", 15000.5)]
    [TestCase("-1", -1)]
    [TestCase("0,125", 0.125)]
    [TestCase("1500,25", 1500.25)]
    [TestCase("12.50", 12.5)]
    public void TryNumber_ReadsDecimalCommaOrPoint(string cell, double expected)
    {
        Assert.That(TextValues.TryNumber(cell, out var value, out _), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("1.000,50")]
    [TestCase("1,000.50")]
    [TestCase("1e5")]
    [TestCase("abc")]
    [TestCase("NaN")]
    [TestCase("1 000")]
    [TestCase("15.000")]
    [TestCase("1,500")]
    [TestCase("-2.500")]
    public void TryNumber_RefusesThousandsSeparatorsAndNonNumbers(string cell) =>
        Assert.That(TextValues.TryNumber(cell, out _, out var problem), Is.False, problem);

    [TestCase("ja", true)]
    [TestCase("Nein", false)]
    [TestCase("TRUE", true)]
    [TestCase("falsch", false)]
    [TestCase("WAHR", true)]
    [TestCase("yes", true)]
    [TestCase("no", false)]
    [TestCase("1", true)]
    [TestCase("0", false)]
    public void TryFlag_ReadsGermanAndEnglish(string cell, bool expected)
    {
        Assert.That(TextValues.TryFlag(cell, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("ags;referenceDate;network\n", ';')]
    [TestCase("ags,referenceDate,network\r\n09188117,\"1;2\"\n", ',')]
    [TestCase("ags\treferenceDate\n", '\t')]
    [TestCase("ags\n", ',')]
    public void DetectSeparator_UsesTheHeaderLine(string text, char expected) =>
        Assert.That(CsvRows.DetectSeparator(text), Is.EqualTo(expected));

    [TestCase("paidStaffFte", 1000.0, true)]
    [TestCase("paidStaffFte", 1000.5, false)]
    [TestCase("integrationBudgetEur", 12.34, true)]
    [TestCase("integrationBudgetEur", 12.345, false)]
    [TestCase("activeVolunteers", 3.0, true)]
    [TestCase("activeVolunteers", 3.5, false)]
    [TestCase("yearsOfIntegrationWork", 101.0, false)]
    [TestCase("migrantOrganisations", -1.0, false)]
    public void CheckRange_FollowsEachFieldsRule(string name, double value, bool valid)
    {
        Assert.That(AnswerFields.TryFind(name, out var field), Is.True);
        Assert.That(AnswerFields.CheckRange(field, value) is null, Is.EqualTo(valid));
    }
}
