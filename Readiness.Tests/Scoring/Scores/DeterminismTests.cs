using Readiness.Scoring.Scores;

namespace Readiness.Tests.Scoring.Scores;

/// <summary>The building blocks that make the illustrative data and the robustness draws reproducible everywhere.</summary>
public sealed class DeterminismTests
{
    [Test]
    public void SplitMix64_MatchesTheReferenceSequence()
    {
        // First five outputs of the reference splitmix64.c seeded with 1234567 (Rosetta Code, "Pseudo-random numbers/Splitmix64").
        var rng = new SplitMix64(1234567);

        var outputs = Enumerable.Range(0, 5).Select(_ => rng.Next()).ToArray();

        Assert.That(outputs, Is.EqualTo(new[] { 6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL }));
    }

    [TestCase("", 0xCBF29CE484222325UL)]
    [TestCase("a", 0xAF63DC4C8601EC8CUL)]
    [TestCase("foobar", 0x85944171F73967E8UL)]
    public void Fnv1a_MatchesTheReferenceValues(string text, ulong expected) =>
        Assert.That(SplitMix64.Fnv1a(text), Is.EqualTo(expected));

    [Test]
    public void NextDouble_AndNextInt_StayInRange()
    {
        var rng = new SplitMix64(42);
        var doubles = Enumerable.Range(0, 10_000).Select(_ => rng.NextDouble()).ToList();
        var ints = Enumerable.Range(0, 10_000).Select(_ => rng.NextInt(3)).ToList();

        Assert.That(doubles, Is.Not.Empty.And.All.InRange(0.0, 1.0).And.All.Not.EqualTo(1.0));
        Assert.That(ints.Distinct().Order(), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(doubles.Average(), Is.EqualTo(0.5).Within(0.02));
    }

    [TestCase(-30.0)]
    [TestCase(-1.5)]
    [TestCase(0.0)]
    [TestCase(0.3)]
    [TestCase(2.0)]
    [TestCase(12.25)]
    public void DeterministicExp_AgreesWithMathExp(double x) => // relative error below 1e-14
        Assert.That(DeterministicMath.Exp(x), Is.EqualTo(Math.Exp(x)).Within(1e-12).Percent);

    [TestCase(1e-6)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    [TestCase(1.4142)]
    [TestCase(1510378.0)]
    public void DeterministicLog_AgreesWithMathLog(double x) =>
        Assert.That(DeterministicMath.Log(x), Is.EqualTo(Math.Log(x)).Within(1e-13));
}
