using Readiness.Api.Auth;
using Readiness.Data;
using Readiness.Data.Assessments;
using Readiness.Data.Audit;

namespace Readiness.Api.Assessments;

/// <summary>A row that lies outside the caller's districts.</summary>
/// <param name="Row">Row number (CSV: line in the file; JSON: position in the array).</param>
/// <param name="Ags">Its AGS.</param>
/// <param name="District">Its district key.</param>
public sealed record OutOfScopeRow(int Row, string Ags, string District);

/// <summary>
/// The checks that need the store (does the AGS exist, is a row repeated, may the key write there)
/// and the writes themselves: each in one transaction with its audit entry.
/// </summary>
internal sealed class AssessmentWriter(SqliteDatabase database, MunicipalityKeys municipalities, TimeProvider clock)
{
    public DateOnly Today => SurveyCalendar.Today(clock);

    public bool Exists(string ags) => municipalities.Exists(ags);

    /// <summary>Adds errors for unknown AGS and for repeated municipality + reference date pairs.</summary>
    public void CheckAgainstStore(IReadOnlyList<ImportRow> rows)
    {
        var seen = new Dictionary<(string, DateOnly), int>();
        foreach (var row in rows)
        {
            if (row.Ags is null)
            {
                continue;
            }

            if (!municipalities.Exists(row.Ags))
            {
                row.Fail("ags", row.Ags, $"No municipality has the AGS {row.Ags} (territorial status 31.12.2024).");
            }
            else if (row.ReferenceDate is { } date && !seen.TryAdd((row.Ags, date), row.Number))
            {
                row.Fail("referenceDate", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    $"Row {seen[(row.Ags, date)]} has the same municipality and reference date: send each assessment once.");
            }
        }
    }

    public static List<OutOfScopeRow> OutOfScope(IReadOnlyList<ImportRow> rows, Caller caller) =>
        [.. rows.Where(r => r.Ags is not null && !caller.Covers(r.Ags)).Select(r => new OutOfScopeRow(r.Number, r.Ags!, r.Ags![..5]))];

    /// <summary>Stores one assessment and its audit entry; returns it as stored.</summary>
    public StoredAssessment Add(NewAssessment assessment, Caller caller)
    {
        var now = clock.GetUtcNow();
        var id = database.InTransaction((connection, transaction) =>
        {
            var id = AssessmentStore.Insert(connection, transaction, [assessment], caller.Name, null, now);
            AuditLog.Record(connection, transaction, new AuditEntry(caller.Actor, AuditActions.AssessmentCreate, assessment.Ags, new
            {
                assessmentId = id,
                referenceDate = assessment.ReferenceDate,
                answers = assessment.Answers,
                note = assessment.Note,
            })
            { At = now });
            return id;
        });
        return new StoredAssessment(id, assessment.Ags, assessment.ReferenceDate, assessment.Source, assessment.Answers, now, caller.Name, null, assessment.Note);
    }

    /// <summary>Stores every row of an import, or none: one transaction, one prepared command, one audit entry.</summary>
    public (string BatchId, ImportCounts Counts) Import(IReadOnlyList<ImportRow> rows, Caller caller, string format)
    {
        var batchId = Guid.NewGuid().ToString("D");
        var now = clock.GetUtcNow();
        var assessments = rows.Select(r => r.ToAssessment()).ToList();
        var counts = ImportCounts.Of(rows);
        database.InTransaction((connection, transaction) =>
        {
            var first = AssessmentStore.Insert(connection, transaction, assessments, $"import:{caller.Name}", batchId, now);
            AuditLog.Record(connection, transaction, new AuditEntry(caller.Actor, AuditActions.AssessmentImport, batchId, new
            {
                batchId,
                format,
                rows = assessments.Count,
                municipalities = counts.Municipalities,
                districts = counts.Districts,
                firstAssessmentId = first,
                lastAssessmentId = first + assessments.Count - 1,
            })
            { At = now });
        });
        return (batchId, counts);
    }
}
