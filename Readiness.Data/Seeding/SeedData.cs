using Readiness.Scoring.Geo;

namespace Readiness.Data.Seeding;

/// <summary>The seed files joined into the rows the store holds; nothing is written here.</summary>
internal sealed class SeedData
{
    public required List<(string Key, string Name)> States { get; init; }
    public required List<DistrictRow> Districts { get; init; }
    public required List<UnionRow> Unions { get; init; }
    public required List<MunicipalityRow> Municipalities { get; init; }
    public required List<UnincorporatedRow> Unincorporated { get; init; }
    public required IReadOnlyList<Neighbour> Neighbours { get; init; }

    internal sealed record UnionRow(string Key, string Name, string Kind, string DistrictKey);

    internal sealed record MunicipalityRow(GvRow Gv, CensusRow? Census, string? UnionKey, string? CensusMissingReason);

    internal sealed record UnincorporatedRow(string Ags, string Name, string? DistrictKey, double? AreaKm2, bool Exists2024);

    public static SeedData Build(SeedFiles files)
    {
        var gv = files.ReadMunicipalities();
        var census = files.ReadCensus().ToDictionary(c => c.Ags, StringComparer.Ordinal);
        var districts = files.ReadDistricts();
        var adjacency = files.ReadAdjacency();

        var municipalityRows = gv.Where(r => !r.IsUnincorporated).ToList();

        // A Gemeindeverband with one member is the municipality itself, not a union.
        var unions = municipalityRows
            .Where(r => r.UnionType is not "Verbandsfreie Gemeinde" && r.UnionKey.Length == 9)
            .GroupBy(r => r.UnionKey, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .Select(g => new UnionRow(g.Key, g.First().UnionName, g.First().UnionType, g.First().DistrictKey))
            .OrderBy(u => u.Key, StringComparer.Ordinal)
            .ToList();
        var unionKeys = unions.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);

        var municipalities = municipalityRows
            .Select(r =>
            {
                census.TryGetValue(r.Ags, out var c);
                var reason = c is null
                    ? "No Zensus 2022 figure for this key: the municipality was formed or re-keyed after the census day."
                    : c.ForeignPct is null
                        ? "Not published in the Zensus 2022 tables (statistical confidentiality for small counts)."
                        : null;
                return new MunicipalityRow(r, c, unionKeys.Contains(r.UnionKey) ? r.UnionKey : null, reason);
            })
            .ToList();

        var unincorporated = gv.Where(r => r.IsUnincorporated)
            .Select(r => new UnincorporatedRow(r.Ags, r.NameShort, r.DistrictKey, r.AreaKm2, true))
            .ToList();
        var known = unincorporated.Select(u => u.Ags).ToHashSet(StringComparer.Ordinal);
        // Unincorporated areas dissolved since 2016 still connect the municipalities that absorbed them.
        foreach (var row in adjacency)
        {
            foreach (var (ags, name, isArea) in new[] { (row.AgsA, row.NameA, row.AIsUnincorporated), (row.AgsB, row.NameB, row.BIsUnincorporated) })
            {
                if (isArea && known.Add(ags))
                {
                    unincorporated.Add(new UnincorporatedRow(ags, name, null, null, false));
                }
            }
        }

        return new SeedData
        {
            States = [.. gv.Select(r => (r.StateKey, r.StateName)).Distinct().OrderBy(s => s.StateKey, StringComparer.Ordinal)],
            Districts = districts,
            Unions = unions,
            Municipalities = municipalities,
            Unincorporated = unincorporated,
            Neighbours = BuildNeighbours(municipalityRows, adjacency, known),
        };
    }

    private static List<Neighbour> BuildNeighbours(List<GvRow> municipalities, List<AdjacencyRow> adjacency, HashSet<string> unincorporated)
    {
        var located = municipalities.Where(m => m.Lat is not null && m.Lon is not null).ToList();
        var points = located.ToDictionary(m => m.Ags, m => new GeoPoint(m.Lat!.Value, m.Lon!.Value), StringComparer.Ordinal);

        var borders = NeighbourGraph.FromBorders(
            adjacency.Select(a => new BorderPair(a.AgsA, a.AgsB, a.SharedBorderM)),
            points.Where(p => SeedImporter.IsBavarian(p.Key)).ToDictionary(),
            unincorporated);

        var keys = located.Select(m => m.Ags).ToList();
        var subjects = Enumerable.Range(0, keys.Count).Where(i => !SeedImporter.IsBavarian(keys[i]));
        var byDistance = NeighbourGraph.FromDistance(keys, [.. keys.Select(k => points[k])], subjects, SeedImporter.DistanceNeighbours);

        // A border pair is better evidence than a distance pair between the same two places.
        var seen = borders.Select(n => (n.Ags, n.NeighbourAgs)).ToHashSet();
        return [.. borders, .. byDistance.Where(n => !seen.Contains((n.Ags, n.NeighbourAgs)))];
    }
}
