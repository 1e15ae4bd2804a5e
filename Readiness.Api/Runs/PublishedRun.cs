using System.Collections.Concurrent;
using System.Text.Json;
using Readiness.Data;
using Readiness.Data.Assessments;
using Readiness.Data.Runs;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Runs;
using Readiness.Scoring.Scores;
using Readiness.Scoring.SharedServices;

namespace Readiness.Api.Runs;

/// <summary>
/// A municipality's stored readiness: the list columns and the exact JSON answer, stored Brotli-compressed.
/// Up to <see cref="PublishedRun.DecompressedUpTo"/> answers a run keeps each one decompressed from its first
/// use on (a new run is served before they are all decompressed); in a larger run it decompresses per request.
/// </summary>
public sealed class ScoreEntry(ScoreRow row, byte[] compressed, bool keepDecompressed)
{
    private byte[]? stored = compressed;
    private byte[]? json;

    public ScoreRow Row { get; } = row;

    /// <summary>Whether the answer stays compressed in memory.</summary>
    public bool Compressed => !keepDecompressed;

    /// <summary>The JSON answer, UTF-8.</summary>
    public byte[] Json
    {
        get
        {
            if (!keepDecompressed)
            {
                return Compression.Decompress(stored!);
            }

            if (Volatile.Read(ref json) is { } kept)
            {
                return kept;
            }

            // The compressed bytes are let go only after the answer is set, so a reader that finds them gone finds the answer.
            if (Volatile.Read(ref stored) is not { } source)
            {
                return Volatile.Read(ref json)!;
            }

            var decompressed = Interlocked.CompareExchange(ref json, Compression.Decompress(source), null) ?? json!;
            Volatile.Write(ref stored, null);
            return decompressed;
        }
    }
}

/// <summary>One profile's readiness of every municipality in a run.</summary>
public sealed class ProfileScores(string name, IReadOnlyList<ScoreEntry> entries)
{
    public string Name { get; } = name;

    /// <summary>Ordered by AGS.</summary>
    public IReadOnlyList<ScoreEntry> Entries { get; } = entries;

    public IReadOnlyDictionary<string, ScoreEntry> ByAgs { get; } = entries.ToDictionary(e => e.Row.Ags, StringComparer.Ordinal);
}

/// <summary>A pair with the run it first appeared in.</summary>
public sealed record PairingEntry(MentorPair Pair, long Since);

/// <summary>
/// A published run held in memory. A run never changes once published, so every answer can be
/// served from here without a database round trip; what a request needs beyond the stored results
/// (another profile, a what-if) is computed once from the run's own inputs and kept.
/// </summary>
public sealed class PublishedRun
{
    private readonly ConcurrentDictionary<string, Lazy<ProfileScores>> onDemand = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ProfileResult>> fullProfiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ScoringContext>> contexts = new(StringComparer.Ordinal);
    private readonly Deferred<IReadOnlyDictionary<string, StoredAssessment>> assessments;
    private readonly Deferred<Pairing> pairing;
    private readonly Deferred<Dictionary<string, PairingMenteeRow>> mentees;
    private readonly Deferred<SharedServices> shared;
    private readonly Func<string, ScoringProfile?> currentProfile;
    private readonly IReadinessAnswerWriter answers;

    /// <summary>
    /// Builds what the lists and a municipality's answer need from <paramref name="rows"/>; pairs, mentees and
    /// shared-service groups are read from <paramref name="database"/> on first use or by <see cref="Complete"/>,
    /// so an instance serves a newly published run before it has read all of it (issue 19: within 2 s).
    /// </summary>
    internal PublishedRun(
        RunRecord run, ServedRunRows rows, Database database, BaseDataCache baseData, Func<IReadOnlyList<StoredAssessment>> loadAssessments,
        Func<string, ScoringProfile?> currentProfile, IReadinessAnswerWriter answers)
    {
        this.answers = answers;
        Run = run;
        BaseData = baseData;
        this.currentProfile = currentProfile;
        ETag = ETagOf(run.Id);
        Parameters = run.Parameters is null ? null : JsonSerializer.Deserialize<RunParametersRecord>(run.Parameters, ApiJson.Options);
        Profiles = rows.Scores.GroupBy(s => s.Profile)
            .ToDictionary(g => g.Key, g => new ProfileScores(g.Key, Entries(g.OrderBy(s => s.Ags, StringComparer.Ordinal).ToList())), StringComparer.Ordinal);

        PeerGroups = [.. rows.PeerGroups.Select(g => JsonSerializer.Deserialize<PeerGroup>(g.Detail, ApiJson.Options)!)];
        PeerGroupById = PeerGroups.ToDictionary(g => g.Id);
        PeerMembers = rows.PeerGroupMembers.ToDictionary(m => m.Ags, StringComparer.Ordinal);
        PeerDiagnostics = rows.PeerGroupDiagnostics;
        SharedMembership = rows.SharedGroupMembers.ToDictionary(m => m.Ags, StringComparer.Ordinal);

        var id = run.Id;
        pairing = new(() => new Pairing(RunResultReader.ReadPairings(database, id)));
        mentees = new(() => RunResultReader.ReadMentees(database, id).ToDictionary(m => m.Ags, StringComparer.Ordinal));
        shared = new(() => new SharedServices(RunResultReader.ReadSharedGroups(database, id)));
        assessments = new(() => loadAssessments().ToDictionary(a => a.Ags, StringComparer.Ordinal));
    }

    /// <summary>Reads and builds what the constructor left for first use: pairs, mentees, shared-service groups, every answer kept decompressed.</summary>
    internal void Complete()
    {
        _ = pairing.Value;
        _ = mentees.Value;
        _ = shared.Value;
        foreach (var scores in Profiles.Values)
        {
            if (scores.Entries is [{ Compressed: false }, ..])
            {
                foreach (var entry in scores.Entries)
                {
                    _ = entry.Json;
                }
            }
        }
    }

    public RunRecord Run { get; }

    public long Id => Run.Id;

    /// <summary>The ETag of every answer of a run, e.g. "run-12".</summary>
    public static string ETagOf(long runId) => $"\"run-{runId.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    /// <summary>One ETag per run: everything a run serves is immutable.</summary>
    public string ETag { get; }

    /// <summary>The id as the X-Run-Id header sends it.</summary>
    public string IdText => field ??= Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public BaseDataCache BaseData { get; }

    internal RunParametersRecord? Parameters { get; }

    public IReadOnlyDictionary<string, ProfileScores> Profiles { get; }

    public ProfileScores Default => Profiles[DefaultProfile.Instance.Name];

    public IReadOnlyList<PeerGroup> PeerGroups { get; }

    public IReadOnlyDictionary<int, PeerGroup> PeerGroupById { get; }

    public IReadOnlyDictionary<string, PeerGroupMemberRow> PeerMembers { get; }

    public IReadOnlyList<PeerGroupDiagnosticRow> PeerDiagnostics { get; }

    public IReadOnlyList<PairingEntry> Pairs => pairing.Value.Pairs;

    public IReadOnlyDictionary<string, PairingEntry> PairByMentee => pairing.Value.ByMentee;

    public ILookup<string, PairingEntry> PairsByMentor => pairing.Value.ByMentor;

    public IReadOnlyList<SharedServiceGroup> SharedGroups => shared.Value.Groups;

    public IReadOnlyDictionary<string, SharedServiceGroup> SharedGroupById => shared.Value.ById;

    public IReadOnlyDictionary<string, SharedGroupMemberRow> SharedMembership { get; }

    /// <summary>The assessments the run scored, by AGS.</summary>
    public IReadOnlyDictionary<string, StoredAssessment> Assessments => assessments.Value;

    public IReadOnlyDictionary<string, int> PeerGroupOf => field ??= PeerMembers.ToDictionary(m => m.Key, m => m.Value.GroupId, StringComparer.Ordinal);

    /// <summary>What the pairing knew of a mentee, or null when it was not a mentee.</summary>
    internal MenteeRecord? Mentee(string ags) =>
        mentees.Value.TryGetValue(ags, out var row) ? JsonSerializer.Deserialize<MenteeRecord>(Compression.Decompress(row.Detail), ApiJson.Options) : null;

    /// <summary>A profile's scores: stored by the run, or computed once from the run's own inputs.</summary>
    public ProfileScores? ProfileScores(string name)
    {
        if (Profiles.TryGetValue(name, out var stored))
        {
            return stored;
        }

        if (currentProfile(name) is null)
        {
            return null;
        }

        return onDemand.GetOrAdd(name, key => new Lazy<ProfileScores>(() =>
        {
            var result = FullProfile(key)!;
            var rows = answers.Rows(Id, BaseData.Snapshot.Municipalities, result, PeerGroupOf, PeerGroupById.ToDictionary(g => g.Key, g => g.Value.Label), Assessments);
            return new ProfileScores(key, Entries(rows));
        })).Value;
    }

    /// <summary>The scoring context of a profile (normalisation, recommender) on the run's inputs, for what-if.</summary>
    public ScoringContext? Context(string profileName)
    {
        var profile = ProfileOf(profileName);
        if (profile is null)
        {
            return null;
        }

        return contexts.GetOrAdd(profileName, _ => new Lazy<ScoringContext>(() =>
            fullProfiles.TryGetValue(profileName, out var full) && full.IsValueCreated
                ? new ScoringContext(full.Value.Scoring, full.Value.Recommender)
                : RunComputation.Context(profile, BaseData.Snapshot.Municipalities, AnswersByAgs(), PeerGroupOf, ComparedWith))).Value;
    }

    /// <summary>The index of most similar municipalities over those the run's peer groups were formed from, built on first use.</summary>
    public SimilarMunicipalities Similar => field ??= SimilarMunicipalities.From(
        [.. BaseData.Snapshot.Municipalities.Where(m => PeerMembers.ContainsKey(m.Ags))]);

    /// <summary>What each atypical member is compared with instead of its group, as the run computed it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ComparedWith => field ??=
        Similar.ForAtypical(PeerMembers.Values.Select(m => (m.Ags, m.GroupId, m.Distance)));

    /// <summary>The members of each peer group, nearest to the centre first (then by AGS), made once per run.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<PeerGroupMemberRow>> PeerGroupMembers => field ??= PeerMembers.Values
        .GroupBy(m => m.GroupId)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<PeerGroupMemberRow>)[.. g.OrderBy(m => m.Distance).ThenBy(m => m.Ags, StringComparer.Ordinal)]);

    /// <summary>
    /// Above this many municipalities a run's answers stay compressed in memory and are decompressed per
    /// request (about 10 µs each): Europe's 99,000 answers take about 110 MB so instead of 560 MB, which
    /// the nightly run's memory target needs, since the served run stays in memory while the next is computed.
    /// </summary>
    internal const int DecompressedUpTo = 25_000;

    /// <summary>Every answer as served, in the rows' order: kept once decompressed, up to <see cref="DecompressedUpTo"/>.</summary>
    internal static ScoreEntry[] Entries(IReadOnlyList<ScoreRow> rows, int decompressedUpTo = DecompressedUpTo)
    {
        var keep = rows.Count <= decompressedUpTo;
        var entries = new ScoreEntry[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            entries[i] = new ScoreEntry(rows[i] with { Detail = [] }, rows[i].Detail, keep);
        }

        return entries;
    }

    /// <summary>The run's pairs, by mentee and by mentor.</summary>
    private sealed class Pairing
    {
        public Pairing(IReadOnlyList<PairingRow> rows)
        {
            Pairs = [.. rows.Select(r => new PairingEntry(JsonSerializer.Deserialize<MentorPair>(r.Detail, ApiJson.Options)!, r.SinceRunId))];
            ByMentee = Pairs.ToDictionary(p => p.Pair.MenteeAgs, StringComparer.Ordinal);
            ByMentor = Pairs.ToLookup(p => p.Pair.MentorAgs, StringComparer.Ordinal);
        }

        public PairingEntry[] Pairs { get; }

        public Dictionary<string, PairingEntry> ByMentee { get; }

        public ILookup<string, PairingEntry> ByMentor { get; }
    }

    /// <summary>The run's shared-service groups, by id.</summary>
    private sealed class SharedServices
    {
        public SharedServices(IReadOnlyList<SharedGroupRow> rows)
        {
            Groups = [.. rows.Select(r => JsonSerializer.Deserialize<SharedServiceGroup>(r.Detail, ApiJson.Options)!)];
            ById = Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        }

        public SharedServiceGroup[] Groups { get; }

        public Dictionary<string, SharedServiceGroup> ById { get; }
    }

    /// <summary>Scores, ranks and robustness of a profile the run did not store, on the run's own inputs.</summary>
    private ProfileResult? FullProfile(string profileName)
    {
        var profile = ProfileOf(profileName);
        return profile is null
            ? null
            : fullProfiles.GetOrAdd(profileName, _ => new Lazy<ProfileResult>(() =>
                RunComputation.ScoreProfile(profile, BaseData.Snapshot.Municipalities, AnswersByAgs(), PeerGroupOf, PlainStageRunner.Instance,
                    comparedWith: ComparedWith))).Value;
    }

    /// <summary>The profile as the run scored it, or the stored one for a profile the run did not score.</summary>
    private ScoringProfile? ProfileOf(string name) => Parameters?.Profiles.FirstOrDefault(p => p.Name == name) ?? currentProfile(name);

    private Dictionary<string, AssessmentAnswers> AnswersByAgs() => Assessments.ToDictionary(a => a.Key, a => a.Value.Answers, StringComparer.Ordinal);

    /// <summary>The answers behind a municipality's score in this run.</summary>
    public AssessmentAnswers? AnswersOf(string ags) => Assessments.TryGetValue(ags, out var a) ? a.Answers : null;

    public AssessmentSource? SourceOf(string ags) => Assessments.TryGetValue(ags, out var a) ? a.Source : null;
}

/// <summary>What a run records of its parameters: the profiles exactly as scored, and the stage options.</summary>
internal sealed record RunParametersRecord(IReadOnlyList<ScoringProfile> Profiles, RunParameters Stages);
