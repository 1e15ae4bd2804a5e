using Readiness.Scoring.Pairing;

namespace Readiness.Api.Runs;

/// <summary>What the pairing knows of one mentee: why it has no mentor, and every candidate (stored compressed per run).</summary>
internal sealed record MenteeRecord(UnpairedMentee? Unpaired, IReadOnlyList<MentorPair> Candidates);
