using Dapper;
using Microsoft.Data.Sqlite;

namespace Readiness.Data;

/// <summary>What /health read: the base data's size and version.</summary>
public sealed record HealthReading(int Municipalities, string? DatasetVersion);

/// <summary>A part of the database that could not be read, and why in plain words (SQLite's own message stays in the log).</summary>
public sealed class HealthProbeException(string part, SqliteException inner) : Exception($"{part}: {inner?.Message}", inner)
{
    public string Part { get; } = part;

    /// <summary>Why, without SQLite's text: from its error code.</summary>
    public string Reason { get; } = inner?.SqliteErrorCode switch
    {
        11 or 26 => "the database file is damaged",
        10 => "the disk reports an I/O error",
        14 or 8 => "the database file cannot be opened",
        5 or 6 => "the database is locked",
        _ => "the database does not hold what the service expects",
    };
}

/// <summary>
/// The cheap truth for /health: the base data, one row of the current run's results and the newest
/// assessment are read in full (not an integrity check of the whole file, which would take seconds).
/// A page those reads need that is damaged makes /health answer 503 instead of 200 while results fail.
/// </summary>
public sealed class HealthProbe(Database database)
{
    public HealthReading Read()
    {
        var part = "the database file";
        try
        {
            using var connection = database.Open();
            part = "the base data";
            var count = connection.ExecuteScalar<int>("SELECT count(*) FROM municipalities");
            var version = connection.QueryFirstOrDefault<string>("SELECT content_hash FROM dataset_versions ORDER BY id DESC LIMIT 1");
            part = "the current run's results";
            _ = connection.Query("SELECT * FROM run_scores WHERE run_id = (SELECT run_id FROM current_run) LIMIT 1").AsList();
            part = "the assessments";
            _ = connection.Query("SELECT * FROM assessments ORDER BY id DESC LIMIT 1").AsList();
            return new HealthReading(count, version);
        }
        catch (SqliteException exception)
        {
            throw new HealthProbeException(part, exception);
        }
    }
}
