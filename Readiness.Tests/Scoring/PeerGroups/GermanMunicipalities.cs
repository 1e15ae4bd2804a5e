using Microsoft.Data.Sqlite;
using Readiness.Data;
using Readiness.Data.BaseData;
using Readiness.Scoring.Model;
using Readiness.Scoring.PeerGroups;
using Readiness.Tests.Support;

namespace Readiness.Tests.Scoring.PeerGroups;

/// <summary>All 10,752 real municipalities from a seeded database, and their default peer groups, computed once per test run.</summary>
internal static class GermanMunicipalities
{
    private static readonly Lazy<IReadOnlyList<MunicipalityFacts>> LazyFacts = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<PeerGroupResult> LazyDefault = new(() => PeerGroupClustering.Compute(Facts), LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<MunicipalityFacts> Facts => LazyFacts.Value;

    /// <summary>The peer groups with default options over all of Germany.</summary>
    public static PeerGroupResult Default => LazyDefault.Value;

    private static IReadOnlyList<MunicipalityFacts> Load()
    {
        var directory = SeededDatabase.NewDirectory();
        try
        {
            var database = Database.ForFile(SeededDatabase.CopyInto(directory));
            using var connection = database.Open();
            return BaseDataReader.Read(connection).Municipalities;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
