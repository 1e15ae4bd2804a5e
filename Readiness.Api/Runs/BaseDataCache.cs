using Readiness.Data;
using Readiness.Data.BaseData;
using Readiness.Scoring.Model;

namespace Readiness.Api.Runs;

/// <summary>The base data in memory: it never changes after seeding, and every result answer names municipalities.</summary>
public sealed class BaseDataCache(Database database)
{
    private readonly Lazy<Index> index = new(() =>
    {
        using var connection = database.Open();
        return new Index(BaseDataReader.Read(connection));
    });

    public BaseDataSnapshot Snapshot => index.Value.Snapshot;

    public MunicipalityFacts? Find(string ags) => index.Value.ByAgs.GetValueOrDefault(ags);

    public MunicipalityFacts Get(string ags) => index.Value.ByAgs[ags];

    /// <summary>A district's municipalities, by AGS; empty for an unknown key.</summary>
    public IEnumerable<MunicipalityFacts> InDistrict(string districtKey) => index.Value.ByDistrict[districtKey];

    private sealed class Index(BaseDataSnapshot snapshot)
    {
        public BaseDataSnapshot Snapshot { get; } = snapshot;

        public Dictionary<string, MunicipalityFacts> ByAgs { get; } = snapshot.Municipalities.ToDictionary(m => m.Ags, StringComparer.Ordinal);

        public ILookup<string, MunicipalityFacts> ByDistrict { get; } = snapshot.Municipalities.ToLookup(m => m.DistrictKey, StringComparer.Ordinal);
    }
}
