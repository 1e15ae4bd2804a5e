using Dapper;

namespace Readiness.Data.Assessments;

/// <summary>
/// Every AGS in the store, loaded once: an import checks each row against it without a query per
/// row. The base data is read-only after seeding, so the set never goes stale.
/// </summary>
public sealed class MunicipalityKeys(Database database)
{
    private readonly Lazy<HashSet<string>> all = new(() =>
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT ags FROM municipalities").ToHashSet(StringComparer.Ordinal);
    });

    public bool Exists(string ags) => all.Value.Contains(ags);
}
