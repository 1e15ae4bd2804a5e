using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Readiness.Api.Auth;
using Readiness.Api.Localization;
using Readiness.Data.Assessments;
using Readiness.Data.Audit;
using Readiness.Data;

namespace Readiness.Api.Assessments;

/// <summary>A row that lies outside the caller's districts.</summary>
/// <param name="Row">Row number (CSV: line in the file; JSON: position in the array).</param>
/// <param name="Ags">Its AGS.</param>
/// <param name="District">Its district key.</param>
public sealed record OutOfScopeRow(int Row, string Ags, string District);

/// <summary>What an import wrote.</summary>
/// <param name="BatchId">The import's batch id.</param>
/// <param name="Municipalities">Distinct municipalities among the rows written.</param>
/// <param name="Districts">Distinct districts among them.</param>
/// <param name="Written">Rows stored.</param>
/// <param name="Duplicates">Rows identical to stored surveyed assessments, not stored again.</param>
internal sealed record ImportOutcome(string BatchId, int Municipalities, int Districts, int Written, int Duplicates);

/// <summary>
/// The checks that need the store (does the AGS exist, is a row repeated, may the key write there)
/// and the writes themselves: each in one transaction with its audit entry.
/// </summary>
internal sealed class AssessmentWriter(Database database, MunicipalityKeys municipalities, TimeProvider clock)
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
                row.Fail("ags", row.Ags, Texts.Format("Import.UnknownAgs", row.Ags));
            }
            else if (row.ReferenceDate is { } date && !seen.TryAdd((row.Ags, date), row.Number))
            {
                row.Fail("referenceDate", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Texts.Format("Import.SameRow", seen[(row.Ags, date)]));
            }
        }
    }

    public static List<OutOfScopeRow> OutOfScope(IReadOnlyList<ImportRow> rows, Caller caller) =>
        [.. rows.Where(r => r.Ags is not null && !caller.Covers(r.Ags)).Select(r => new OutOfScopeRow(r.Number, r.Ags!, r.Ags![..5]))];

    /// <summary>
    /// Stores one assessment and its audit entry, unless an identical surveyed one is stored (then it is
    /// returned, nothing is written). <paramref name="answered"/> runs inside the transaction, to record
    /// the answer of an idempotent request with the write.
    /// </summary>
    public (StoredAssessment Assessment, bool Duplicate) Add(NewAssessment assessment, Caller caller, Action<DbConnection, IDbTransaction, StoredAssessment, bool>? answered = null)
    {
        var now = clock.GetUtcNow();
        return database.InTransaction((connection, transaction) =>
        {
            if (IdenticalAssessments.Find(connection, transaction, assessment) is { } existing)
            {
                var found = AssessmentStore.Get(connection, transaction, existing)!;
                answered?.Invoke(connection, transaction, found, true);
                return (found, true);
            }

            var id = AssessmentStore.Insert(connection, transaction, [assessment], caller.Name, null, now);
            AuditLog.Record(connection, transaction, new AuditEntry(caller.Actor, AuditActions.AssessmentCreate, assessment.Ags, new
            {
                assessmentId = id,
                referenceDate = assessment.ReferenceDate,
                answers = assessment.Answers,
                note = assessment.Note,
            }) { At = now });
            var stored = new StoredAssessment(id, assessment.Ags, assessment.ReferenceDate, assessment.Source, assessment.Answers, now, caller.Name, null, assessment.Note);
            answered?.Invoke(connection, transaction, stored, false);
            return (stored, false);
        });
    }

    /// <summary>For each row, whether it is identical to a stored surveyed assessment (a dry run reports them).</summary>
    public bool[] Duplicates(IReadOnlyList<ImportRow> rows)
    {
        using var connection = database.Open();
        return IdenticalAssessments.Mark(connection, null, [.. rows.Select(r => r.ToAssessment())]);
    }

    /// <summary>
    /// Stores every row of an import, or none: one transaction, one prepared command, one audit entry.
    /// Rows identical to stored surveyed assessments are not stored again but counted as duplicates.
    /// <paramref name="answered"/> runs inside the transaction, to record an idempotent request's answer.
    /// </summary>
    public ImportOutcome Import(IReadOnlyList<ImportRow> rows, Caller caller, string format, Action<DbConnection, IDbTransaction, ImportOutcome>? answered = null)
    {
        var batchId = Guid.NewGuid().ToString("D");
        var now = clock.GetUtcNow();
        var all = rows.Select(r => r.ToAssessment()).ToList();
        return database.InTransaction((connection, transaction) =>
        {
            var duplicate = IdenticalAssessments.Mark(connection, transaction, all);
            var assessments = all.Where((_, i) => !duplicate[i]).ToList();
            var counts = ImportCounts.Of(assessments.Select(a => a.Ags));
            var first = AssessmentStore.Insert(connection, transaction, assessments, $"import:{caller.Name}", batchId, now);
            AuditLog.Record(connection, transaction, new AuditEntry(caller.Actor, AuditActions.AssessmentImport, batchId, new
            {
                batchId,
                format,
                rows = assessments.Count,
                duplicates = all.Count - assessments.Count,
                municipalities = counts.Municipalities,
                districts = counts.Districts,
                firstAssessmentId = first,
                lastAssessmentId = first + assessments.Count - 1,
            }) { At = now });
            var outcome = new ImportOutcome(batchId, counts.Municipalities, counts.Districts.Count, assessments.Count, all.Count - assessments.Count);
            answered?.Invoke(connection, transaction, outcome);
            return outcome;
        });
    }
}
