using Readiness.Scoring.Model;

namespace Readiness.Scoring.PeerGroups;

/// <summary>Profiles, spreads and labels of the groups, ordered by id.</summary>
internal static class PeerGroupProfiles
{
    public static IReadOnlyList<PeerGroup> Build(
        IReadOnlyList<MunicipalityFacts> municipalities,
        FeatureTable table,
        KMeansSolution solution,
        int[] ids,
        double?[] matchDistances,
        IReadOnlyList<PeerGroupMember> members)
    {
        var names = PeerGroupFeatures.Names;
        var groups = new List<(int Cluster, PeerGroupProfile Profile, PeerGroupSpread Spread, int Size, PeerGroupFigures Figures)>();
        for (var c = 0; c < solution.K; c++)
        {
            var rows = Enumerable.Range(0, municipalities.Count).Where(i => solution.Labels[i] == c).ToList();
            var profile = new PeerGroupProfile(
                MissingFeatureImputer.Median([.. rows.Select(i => (double)municipalities[i].Population)]),
                MissingFeatureImputer.Median([.. rows.Select(i => municipalities[i].DensityPerKm2)]),
                rows.Average(i => table.Values[i][2]),
                rows.Average(i => table.Values[i][3]),
                Enumerable.Range(1, 3).ToDictionary(level => level, level => rows.Count(i => Math.Round(table.Values[i][4]) == level) / (double)rows.Count),
                rows.Count(i => table.Imputed[i].Any(x => x)));
            var distances = rows.Select(i => members[i].Distance).ToList();
            var spread = new PeerGroupSpread(
                distances.Average(),
                distances.Max(),
                names.Select((name, f) => (name, sd: StandardDeviation(rows.Select(i => table.Values[i][f]).ToList())))
                    .ToDictionary(x => x.name, x => x.sd));
            groups.Add((c, profile, spread, rows.Count, PeerGroupFigures.Of([.. rows.Select(i => municipalities[i])])));
        }

        var labels = PeerGroupLabeller.Labels(
            [.. groups.Select(g => g.Profile)],
            [.. groups.Select(g => ids[g.Cluster])]);

        return [.. groups
            .Select(g => new PeerGroup(
                ids[g.Cluster],
                labels[g.Cluster],
                g.Size,
                g.Profile,
                names.Select((name, f) => (name, f)).ToDictionary(x => x.name, x => table.Scaling.ToFeatureUnits(solution.Centroids[g.Cluster])[x.f]),
                [.. solution.Centroids[g.Cluster]],
                g.Spread,
                matchDistances[g.Cluster],
                g.Figures))
            .OrderBy(g => g.Id)];
    }

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
