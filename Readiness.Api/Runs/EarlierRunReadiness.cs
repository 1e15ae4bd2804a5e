using System.Text.Json;
using Readiness.Data.Runs;
using Readiness.Scoring.PeerGroups;

namespace Readiness.Api.Runs;

/// <summary>
/// A municipality's readiness in an earlier run (<c>?run=</c>), read from the store by run, profile and
/// AGS rather than by loading the whole run: cycling through earlier runs costs an indexed read each,
/// and never waits for, or pushes out, anything the current run's reads use.
/// </summary>
internal sealed class EarlierRunReadiness(EarlierRunQueries queries, PublishedRunCache cache)
{
    /// <summary>What the store holds; null when the current run is asked for or the run did not store the profile (the cache computes it).</summary>
    public Answer? Find(long runId, string profile, string ags)
    {
        if (cache.Current?.Id == runId)
        {
            return null;
        }

        var (outcome, json) = queries.Readiness(runId, profile, ags);
        return outcome is EarlierReadiness.Found or EarlierReadiness.RunNotPublished or EarlierReadiness.MunicipalityNotInRun
            ? new Answer(outcome, json)
            : null;
    }

    /// <summary>The peer groups of run <paramref name="runId"/>, for the labels of an answer read from the store.</summary>
    public IReadOnlyList<PeerGroup> PeerGroups(long runId) =>
        [.. queries.PeerGroups(runId).Select(json => JsonSerializer.Deserialize<PeerGroup>(json, ApiJson.Options)!)];

    /// <summary>The outcome, and the stored JSON when found.</summary>
    internal sealed record Answer(EarlierReadiness Outcome, byte[]? Json);
}

/// <summary>A stored answer the served-run opening read from the store, for the handler to send.</summary>
internal sealed record StoredAnswer(byte[] Json, long RunId);
