using Readiness.Data.Assessments;
using Readiness.Data.Runs;
using Readiness.Scoring.Model;
using Readiness.Scoring.Runs;

namespace Readiness.Api.Runs;

/// <summary>
/// Makes one profile's stored readiness rows, each with the exact JSON answer the readiness endpoint serves.
/// The answer's shape belongs to the Readiness feature (<c>Readiness/ReadinessAnswers</c>); a run only stores it.
/// </summary>
public interface IReadinessAnswerWriter
{
    IReadOnlyList<ScoreRow> Rows(
        long runId, IReadOnlyList<MunicipalityFacts> municipalities, ProfileResult profile, IReadOnlyDictionary<string, int> peerGroupOf,
        IReadOnlyDictionary<int, string> peerLabels, IReadOnlyDictionary<string, StoredAssessment> assessments);
}
