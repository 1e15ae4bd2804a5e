using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Jobs;
using Readiness.Data.Runs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

public sealed class CleanupJobTests
{
    [Test]
    public void Execute_KeepsTheNewestRuns_AndTheCurrentOne()
    {
        using var factory = new ReadinessFactory().With("Readiness:Jobs:KeepRuns", "3");
        var runs = factory.Services.GetRequiredService<RunStore>();
        var current = runs.CurrentId()!.Value;
        var later = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var (run, _) = runs.TryStart("schedule", null);
            if (i % 2 == 0)
            {
                runs.Fail(run!.Id, "test", null);
            }
            else
            {
                runs.MarkUnchanged(run!.Id, "v", "{}", "[]");
            }

            later.Add(run.Id);
        }

        var removed = factory.Services.GetRequiredService<CleanupJob>().Execute();

        Assert.That(removed, Is.EqualTo(2));
        Assert.That(runs.List(1, 50).Items.Select(r => r.Id), Is.EqualTo(new[] { later[4], later[3], later[2], current }));
        Assert.That(factory.Database().ResultRows(current)["run_scores"], Is.EqualTo(10_752), "the current run keeps its results");
        Assert.That(runs.CurrentId(), Is.EqualTo(current));
    }
}
