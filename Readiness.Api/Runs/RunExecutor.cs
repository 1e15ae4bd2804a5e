using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Readiness.Data;
using Readiness.Data.Runs;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Runs;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Runs;

/// <summary>
/// Executes one run: reads one consistent snapshot, computes every result from it, writes the
/// results under the run id and publishes them in one transaction. Any failure leaves the
/// previous run served and records this one as failed with its error.
/// </summary>
public sealed class RunExecutor(
    Database database,
    RunStore runs,
    PublishedRunCache cache,
    BaseDataCache baseData,
    IServiceProvider services,
    IRunFaults faults,
    IReadinessAnswerWriter answers,
    RunScheduler scheduler,
    IOptions<RunThreadOptions> threads,
    IOptions<Jobs.JobOptions> jobOptions,
    ILogger<RunExecutor> logger)
{
    public const string SnapshotStage = "snapshot";
    public const string WriteStage = "write";
    public const string PublishStage = "publish";

    /// <summary>
    /// Executes the run on the run's own threads (<see cref="RunScheduler"/>), so requests keep theirs; a run started
    /// by hand leaves a core to the planners reading meanwhile (docs/benchmarks.md, "Soak").
    /// </summary>
    public void Execute(long runId, CancellationToken cancellationToken)
    {
        scheduler.Run(() => ExecuteHere(runId, cancellationToken), threads.Value.ThreadsFor(runs.Get(runId)?.Trigger));
        if (threads.Value.CompactAfterRun)
        {
            CompactHeap();
        }
    }

    /// <summary>
    /// One blocking, compacting collection once the run's frames are gone and the previous run is no longer served:
    /// without it the heap keeps the size of the run's peak and the process grows from run to run until it settles.
    /// </summary>
    private static void CompactHeap()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private void ExecuteHere(long runId, CancellationToken cancellationToken)
    {
        if (!runs.Claim(runId))
        {
            logger.LogInformation("Run {RunId} is {Status}; nothing to do", runId, runs.Get(runId)?.Status ?? "unknown");
            return;
        }

        var stages = new StageLog(faults, json => runs.RecordStages(runId, json));
        var beat = HeartbeatInterval(jobOptions.Value.StaleAfter);
        using var heartbeat = new Timer(_ => Beat(runId), null, beat, beat);
        try
        {
            if (ComputeAndWrite(runId, stages, cancellationToken) is not var (inputVersion, parametersJson))
            {
                return;
            }

            stages.Run(PublishStage, () => runs.Publish(runId, inputVersion, parametersJson, () => stages.ToJson(includeOpen: true)));
            logger.LogInformation("Run {RunId} published: {Stages}", runId, stages.ToJson());
        }
        catch (Exception exception)
        {
            var stage = stages.OpenStage;
            logger.LogError(exception, "Run {RunId} failed in stage {Stage}", runId, stage);
            var error = Infrastructure.StorageErrors.Describe(exception);
            try
            {
                runs.Fail(runId, stage is null ? error : $"Stage {stage} failed: {error}", stages.ToJson(includeOpen: true));
            }
            catch (Microsoft.Data.Sqlite.SqliteException failure) when (Infrastructure.StorageErrors.Find(failure) is not null)
            {
                // Even the failure could not be recorded: the run counts as interrupted once its heartbeat is stale.
                logger.LogError(failure, "Run {RunId} could not be marked failed: storage full", runId);
            }

            return;
        }

        // Outside the try: the run is published, whatever happens to this process's copy in memory.
        cache.RefreshIfLoaded();
        Announce(runId);
        cache.CompleteCurrent();
    }

    /// <summary>Tells the listener (overdue measures, webhooks); its failure is logged, never the run's.</summary>
    private void Announce(long runId)
    {
        try
        {
            services.GetService<IRunPublishedListener>()?.Published(runId);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(exception, "After run {RunId} was published, telling the listener failed", runId);
        }
    }

    /// <summary>
    /// Every stage up to the write; null when the inputs are unchanged (the run is closed as such). What a
    /// stage hands on lives in this method's frames only, so it can be collected as soon as the next no
    /// longer needs it: the computation's outputs once their rows are prepared, the rows once written.
    /// </summary>
    private (string InputVersion, string ParametersJson)? ComputeAndWrite(long runId, StageLog stages, CancellationToken cancellationToken)
    {
        if (Prepare(runId, stages, cancellationToken) is not var (rows, inputVersion, parametersJson))
        {
            return null;
        }

        stages.Run(WriteStage, () => database.InTransaction((connection, transaction) => RunResultWriter.Write(connection, transaction, runId, rows)));
        return (inputVersion, parametersJson);
    }

    private (RunResultRows Rows, string InputVersion, string ParametersJson)? Prepare(long runId, StageLog stages, CancellationToken cancellationToken)
    {
        var snapshot = stages.Run(SnapshotStage, () => RunSnapshotReader.Read(database, baseData.Snapshot),
            s => new Dictionary<string, long> { ["municipalities"] = s.BaseData.Municipalities.Count, ["assessments"] = s.Assessments.Count });
        var profiles = snapshot.Profiles
            .Where(p => p.Name == DefaultProfile.Instance.Name || p.Nightly)
            .OrderBy(p => p.Name == DefaultProfile.Instance.Name ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Profile)
            .ToList();
        if (profiles.Count == 0 || profiles[0].Name != DefaultProfile.Instance.Name)
        {
            throw new InvalidOperationException("The default profile is missing from the store.");
        }

        var parameters = new RunParametersRecord(profiles, RunStageOptions.Parameters(services));
        var parametersJson = JsonSerializer.Serialize(parameters, ApiJson.Options);
        var decisions = services.GetService<IRunDecisionSource>()?.Read() ?? RunDecisions.None;
        var inputVersion = InputVersion(snapshot, parametersJson + decisions.Version);
        runs.RecordInputs(runId, inputVersion, parametersJson);
        if (runs.Current() is { } current && current.InputVersion == inputVersion)
        {
            runs.MarkUnchanged(runId, inputVersion, parametersJson, stages.ToJson());
            logger.LogInformation("Run {RunId} unchanged: its inputs equal those of run {CurrentId}", runId, current.Id);
            return null;
        }

        var inputs = new RunInputs(
            snapshot.BaseData.Municipalities,
            snapshot.BaseData.Neighbours,
            snapshot.Assessments.ToDictionary(a => a.Ags, a => a.Answers, StringComparer.Ordinal),
            profiles,
            [.. (snapshot.Previous?.PeerGroups ?? []).Select(g => JsonSerializer.Deserialize<PeerGroup>(g.Detail, ApiJson.Options)!)
                .Select(g => new PreviousPeerGroup(g.Id, g.FeatureCentroid))],
            [.. (snapshot.Previous?.Pairs ?? []).Select(p => new PreviousPair(p.MenteeAgs, p.MentorAgs))],
            parameters.Stages) { PairDecisions = decisions.Pairs };
        var outputs = RunComputation.Compute(inputs, stages, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var rows = stages.Run("prepare", () => RunResultMapper.ToRows(
            runId, inputs, outputs, snapshot.Assessments.ToDictionary(a => a.Ags, StringComparer.Ordinal), snapshot.Previous, answers),
            r => new Dictionary<string, long> { ["rows"] = r.Count });
        return (rows, inputVersion, parametersJson);
    }

    /// <summary>
    /// Every 10 s, or a third of <c>StaleAfter</c> when that is shorter: every process sweeps runs whose
    /// heartbeat is older than <c>StaleAfter</c> (<see cref="InterruptedRunWatcher"/>), so a live run must beat well within it.
    /// </summary>
    internal static TimeSpan HeartbeatInterval(TimeSpan staleAfter) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, staleAfter.Ticks / 3));

    private void Beat(long runId)
    {
        try
        {
            runs.Heartbeat(runId);
        }
        // A timer's callback must not throw (it would end the process): a missed beat is logged, on either provider.
        catch (System.Data.Common.DbException exception)
        {
            logger.LogWarning(exception, "Heartbeat of run {RunId} failed", runId);
        }
    }

    /// <summary>A hash of everything the run reads: equal hashes, equal results. Assessments are never changed in place, so their ids stand for their contents.</summary>
    private static string InputVersion(RunSnapshot snapshot, string parametersJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(snapshot.BaseData.ContentHash));
        hash.AppendData(Encoding.UTF8.GetBytes(parametersJson));
        Span<byte> id = stackalloc byte[8];
        foreach (var assessment in snapshot.Assessments)
        {
            BitConverter.TryWriteBytes(id, assessment.Id);
            hash.AppendData(id);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
