using System.Text;
using Readiness.Api.Runs;
using Readiness.Data.Runs;

namespace Readiness.Tests.Api.Runs;

/// <summary>
/// A large run keeps its answers compressed in memory, a smaller one decompresses each on first use and keeps it;
/// what either serves must not change by it.
/// </summary>
public sealed class ServedAnswerTests
{
    [Test]
    public void Entries_AboveTheThreshold_StayCompressed_AndServeTheSameJson()
    {
        var rows = Enumerable.Range(0, 40).Select(i => Row($"0916{i:0000}", $$"""{"ags":"0916{{i:0000}}","score":{{i}},"pillars":[{{string.Join(',', Enumerable.Repeat(i, i))}}]}""")).ToList();

        var decompressed = PublishedRun.Entries(rows, decompressedUpTo: 40);
        var compressed = PublishedRun.Entries(rows, decompressedUpTo: 39);

        Assert.That(decompressed.Select(e => e.Compressed), Is.All.False);
        Assert.That(compressed.Select(e => e.Compressed), Is.All.True);
        Assert.That(compressed.Select(e => e.Row.Detail.Length), Is.All.Zero, "the row's copy of the detail is not kept twice");
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.That(Encoding.UTF8.GetString(compressed[i].Json), Is.EqualTo(Encoding.UTF8.GetString(decompressed[i].Json)));
            Assert.That(Encoding.UTF8.GetString(compressed[i].Json), Does.StartWith($$"""{"ags":"0916{{i:0000}}","""));
        }
    }

    [Test]
    public void Entries_UpToTheThreshold_AreDecompressedOnce_EvenWhenManyAskAtOnce()
    {
        var rows = Enumerable.Range(0, 200).Select(i => Row($"0917{i:0000}", $$"""{"ags":"0917{{i:0000}}","note":"{{new string('x', i)}}"}""")).ToList();
        var entries = PublishedRun.Entries(rows);
        var answers = new byte[8][][];

        Parallel.For(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t => answers[t] = [.. entries.Select(e => e.Json)]);

        for (var i = 0; i < rows.Count; i++)
        {
            Assert.That(Encoding.UTF8.GetString(answers[0][i]), Does.StartWith($$"""{"ags":"0917{{i:0000}}","""));
            Assert.That(answers.Select(a => a[i]), Is.All.SameAs(entries[i].Json), "one decompressed copy per answer, kept");
        }
    }

    private static ScoreRow Row(string ags, string json) =>
        new("default", ags, 50, "developing", 1, 1, 1, null, 1, 2, 1, "illustrative", null, Compression.Compress(Encoding.UTF8.GetBytes(json)));
}
