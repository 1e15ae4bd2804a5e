using Dapper;

namespace Readiness.Data.Runs;

/// <summary>Reading runs: one, the running one, the published one, a page of all.</summary>
public sealed partial class RunStore
{
    private const string Select =
        """
        SELECT id, status, trigger, started_at, finished_at, heartbeat_at, owner, input_version, parameters,
               stages, error, published_at, requested_by
        FROM runs
        """;

    public RunRecord? Get(long id)
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<RunRecord>($"{Select} WHERE id = @id", new { id });
    }

    public RunRecord? Running()
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<RunRecord>($"{Select} WHERE status = 'running'");
    }

    /// <summary>The published run, if any.</summary>
    public RunRecord? Current()
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<RunRecord>($"{Select} WHERE id = (SELECT run_id FROM current_run WHERE singleton = 1)");
    }

    public long? CurrentId()
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<long?>("SELECT run_id FROM current_run WHERE singleton = 1");
    }

    public (IReadOnlyList<RunRecord> Items, int Total) List(int page, int pageSize)
    {
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>("SELECT count(*) FROM runs");
        var items = connection.Query<RunRecord>($"{Select} ORDER BY id DESC LIMIT @pageSize OFFSET @offset",
            new { pageSize, offset = (page - 1) * pageSize }).AsList();
        return (items, total);
    }
}
