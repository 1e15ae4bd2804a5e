using Readiness.Benchmarks;

namespace Readiness.Tests.Benchmarks;

/// <summary>
/// The bench command runs and reports, on tiny sizes. What it measures is not judged here: the
/// figures belong in docs/benchmarks.md, measured on a quiet machine, not in a test's pass or fail.
/// </summary>
// Mostly waiting on processes, runs or retry delays of its own: runs beside the other fixtures marked so (the suite's longest).
[Parallelizable]
public sealed class BenchCommandSmokeTests
{
    [TestCase("district")]
    [TestCase("europe:500")]
    public void Run_OnATinySize_PrintsEveryStageWithItsTimeAndMemory(string size)
    {
        var output = new StringWriter();

        Assert.That(BenchProgram.Run(["prepare", "--size", size], output), Is.Zero, output.ToString());
        var code = BenchProgram.Run(["run", "--size", size, "--repeat", "1"], output);

        var text = output.ToString();
        Assert.That(code, Is.Zero, text);
        Assert.That(text, Does.Contain("first run (fresh install, cold): succeeded").And.Contain("nightly run: succeeded"));
        foreach (var stage in new[] { "snapshot", "peer-groups", "scores", "robustness", "pairing", "shared-services", "prepare", "write", "publish" })
        {
            Assert.That(text, Does.Match($@"\| {stage} \| [0-9.]+ \| [0-9.]+ \| [0-9]+ \| [0-9]+ \|"), stage);
        }

        Assert.That(text, Does.Match(@"\| \*\*total\*\* \| [0-9.]+ \| \*\*[0-9.]+\*\* \| \*\*[0-9]+\*\* \|"));
    }
}
