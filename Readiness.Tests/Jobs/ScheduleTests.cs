using Cronos;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Jobs;
using Readiness.Data.Runs;
using Readiness.Tests.Support;

namespace Readiness.Tests.Jobs;

/// <summary>The nightly schedule in Berlin time, as configured and as Hangfire stores it.</summary>
public sealed class ScheduleTests
{
    private static readonly TimeZoneInfo Berlin = new JobOptions().ResolveTimeZone();

    [TestCase("2026-01-15T12:00:00Z", "2026-01-16T01:00:00Z", TestName = "Nightly run at 02:00 Berlin is 01:00 UTC in winter (CET)")]
    [TestCase("2026-07-15T12:00:00Z", "2026-07-16T00:00:00Z", TestName = "Nightly run at 02:00 Berlin is 00:00 UTC in summer (CEST)")]
    [TestCase("2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z", TestName = "Spring forward: 02:00 does not exist, the run starts at 03:00 CEST = 01:00 UTC")]
    [TestCase("2026-10-24T12:00:00Z", "2026-10-25T00:00:00Z", TestName = "Fall back: 02:00 happens twice, the run starts once, at the first")]
    [TestCase("2026-10-25T00:00:00Z", "2026-10-26T01:00:00Z", TestName = "Fall back: no second run in the repeated hour")]
    public void NextNightlyRun_IsTwoOClockBerlinTime(string from, string expected)
    {
        var cron = CronExpression.Parse(new JobOptions().NightlyCron);

        var next = cron.GetNextOccurrence(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), Berlin);

        Assert.That(next?.UtcDateTime, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime));
    }

    [Test]
    public void RecurringJobs_AreRegisteredWithTheDefaultCronAndTimeZone()
    {
        using var factory = new ReadinessFactory();

        var jobs = RecurringJobs(factory.Services);

        Assert.That(jobs[HangfireSetup.NightlyRunJobId].Cron, Is.EqualTo("0 2 * * *"));
        Assert.That(jobs[HangfireSetup.NightlyRunJobId].TimeZoneId, Is.EqualTo("Europe/Berlin"));
        Assert.That(jobs[HangfireSetup.CleanupJobId].Cron, Is.EqualTo("30 3 * * *"));
        Assert.That(jobs[HangfireSetup.CleanupJobId].TimeZoneId, Is.EqualTo("Europe/Berlin"));
    }

    [Test]
    public void RecurringJobs_CarryTheConfiguredCronAndTimeZone_AndTheNextExecutionFollowsThem()
    {
        using var factory = new ReadinessFactory()
            .With("Readiness:Jobs:NightlyCron", "15 4 * * 1-5")
            .With("Readiness:Jobs:TimeZone", "America/New_York");

        var nightly = RecurringJobs(factory.Services)[HangfireSetup.NightlyRunJobId];

        Assert.That(nightly.Cron, Is.EqualTo("15 4 * * 1-5"));
        Assert.That(nightly.TimeZoneId, Is.EqualTo("America/New_York"));
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = TimeZoneInfo.ConvertTime(nightly.NextExecution!.Value, newYork);
        Assert.That((local.Hour, local.Minute), Is.EqualTo((4, 15)));
        Assert.That(local.DayOfWeek, Is.Not.EqualTo(DayOfWeek.Saturday).And.Not.EqualTo(DayOfWeek.Sunday));
    }

    [Test]
    public async Task NightlyJob_TriggeredThroughHangfire_StartsARunWithTheScheduleTrigger()
    {
        using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        var runs = factory.Services.GetRequiredService<RunStore>();
        var before = runs.List(1, 1).Items[0].Id;

        factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(HangfireSetup.NightlyRunJobId);

        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (runs.List(1, 1).Items[0] is var latest && (latest.Id == before || latest.Status == RunRecord.Running))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the nightly job did not run");
            await Task.Delay(100);
        }

        var run = runs.List(1, 1).Items[0];
        Assert.That((run.Trigger, run.Status), Is.EqualTo(("schedule", RunRecord.Unchanged)), "nothing changed since the seeded run");
    }

    [TestCase("Readiness:Jobs:NightlyCron", "every night", "NightlyCron")]
    [TestCase("Readiness:Jobs:TimeZone", "Europe/Atlantis", "TimeZone")]
    [TestCase("Readiness:Jobs:Mode", "both", "Mode")]
    [TestCase("Readiness:Jobs:RunServer", "false", "Readiness:Jobs:Storage 'memory'")]
    public void Start_Fails_NamingTheSetting_WhenItIsInvalid(string key, string value, string named)
    {
        using var factory = new ReadinessFactory().With(key, value);

        var exception = Assert.Catch(() => factory.CreateClient());

        Assert.That(exception!.ToString(), Does.Contain(named));
    }

    private static Dictionary<string, RecurringJobDto> RecurringJobs(IServiceProvider services)
    {
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }
}
