using Readiness.Scoring.Model;

namespace Readiness.Scoring.PeerGroups;

/// <summary>Each municipality's group, its distance to the centroid and its next-nearest group, from the centroids directly.</summary>
internal static class PeerGroupMembers
{
    public static IReadOnlyList<PeerGroupMember> Build(
        IReadOnlyList<MunicipalityFacts> municipalities, FeatureTable table, KMeansData data, KMeansSolution solution, int[] ids)
    {
        var members = new PeerGroupMember[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var row = data.Row(i);
            var own = solution.Labels[i];
            var second = -1;
            var secondDistance = double.PositiveInfinity;
            for (var c = 0; c < solution.K; c++)
            {
                var distance = Lloyd.SquaredDistance(row, solution.Centroids[c]);
                if (c != own && distance < secondDistance)
                {
                    second = c;
                    secondDistance = distance;
                }
            }

            var imputed = PeerGroupFeatures.Names.Where((_, f) => table.Imputed[i][f]).ToList();
            members[i] = new PeerGroupMember(
                municipalities[i].Ags,
                ids[own],
                Math.Sqrt(Lloyd.SquaredDistance(row, solution.Centroids[own])),
                second >= 0 ? ids[second] : null,
                second >= 0 ? Math.Sqrt(secondDistance) : null,
                imputed);
        }

        return members;
    }
}
