using System.Security.Cryptography;
using System.Text;
using Readiness.Data;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

/// <summary>
/// Executes one run: reads one consistent snapshot, computes every result from it, writes the
/// results under the run id and publishes them in one transaction. Any failure leaves the
/// previous run served and records this one as failed with its error.
/// </summary>
public sealed class RunExecutor(SqliteDatabase database, RunStore runs, IRunFaults faults, ILogger<RunExecutor> logger)
{
    public void Execute(long runId, CancellationToken cancellationToken)
    {
        var run = runs.Get(runId);
        if (run is not { Status: RunRecord.Running })
        {
            logger.LogInformation("Run {RunId} is {Status}; nothing to do", runId, run?.Status ?? "unknown");
            return;
        }

        var stages = new StageLog(faults);
        using var heartbeat = new Timer(_ => runs.Heartbeat(runId), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        try
        {
            var snapshot = stages.Run("snapshot", () => RunSnapshotReader.Read(database),
                s => new Dictionary<string, long> { ["municipalities"] = s.BaseData.Municipalities.Count, ["assessments"] = s.Assessments.Count });
            cancellationToken.ThrowIfCancellationRequested();
            var parameters = "{}";
            var inputVersion = InputVersion(snapshot, parameters);
            if (runs.Current() is { } current && current.InputVersion == inputVersion)
            {
                runs.MarkUnchanged(runId, inputVersion, parameters, stages.ToJson());
                logger.LogInformation("Run {RunId} unchanged: inputs equal run {CurrentId}", runId, current.Id);
                return;
            }

            stages.Run("publish", () => runs.Publish(runId, inputVersion, parameters, stages.ToJson()));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Run {RunId} failed", runId);
            runs.Fail(runId, exception.Message, stages.ToJson());
        }
    }

    private static string InputVersion(RunSnapshot snapshot, string parameters)
    {
        var text = new StringBuilder(snapshot.BaseData.ContentHash).Append('|').Append(parameters);
        foreach (var assessment in snapshot.Assessments)
        {
            text.Append('|').Append(assessment.Id);
        }

        foreach (var profile in snapshot.Profiles)
        {
            text.Append('|').Append(profile.Name).Append(':').Append(profile.Version);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
