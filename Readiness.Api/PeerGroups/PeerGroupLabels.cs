using System.Runtime.CompilerServices;
using Readiness.Api.Localization;
using Readiness.Api.Runs;
using Readiness.Scoring.PeerGroups;

namespace Readiness.Api.PeerGroups;

/// <summary>
/// The peer groups' labels in the request's language, built from the members' medians and ranges
/// (<see cref="PeerGroupFigures"/>), never from the centroid: "Kleine ländliche Gemeinden: Median 1.800 Einwohner
/// (meist 720 bis 5.700), 80 Einwohner je km², niedriger Ausländeranteil mit Median 4 % (meist 1 % bis 6 %)". Built once per run
/// and language; a run stored before the figures existed keeps its stored label.
/// </summary>
internal static class PeerGroupLabels
{
    private static readonly ConditionalWeakTable<PublishedRun, IReadOnlyDictionary<int, string>?[]> Cache = [];

    /// <summary>The label of group <paramref name="id"/> of <paramref name="run"/>.</summary>
    public static string Of(PublishedRun run, int id) => For(run).GetValueOrDefault(id) ?? "";

    /// <summary>The labels of every group of <paramref name="run"/>, by id; distinct within the run.</summary>
    public static IReadOnlyDictionary<int, string> For(PublishedRun run)
    {
        var languages = Cache.GetValue(run, _ => new IReadOnlyDictionary<int, string>?[2]);
        var index = Texts.IsEnglish ? 1 : 0;
        return Volatile.Read(ref languages[index]) ?? (languages[index] = Build(run.PeerGroups));
    }

    /// <summary>The labels of <paramref name="groups"/> (one run's), by id.</summary>
    public static Dictionary<int, string> Build(IReadOnlyList<PeerGroup> groups)
    {
        var labels = groups.ToDictionary(g => g.Id, g => g.Figures is { } figures ? Label(figures) : g.Label);
        // Two groups that read the same (possible only with near-equal figures) are told apart by their id.
        foreach (var same in labels.GroupBy(l => l.Value).Where(g => g.Count() > 1).SelectMany(g => g).ToList())
        {
            labels[same.Key] = Texts.Format("PeerGroup.Distinct", same.Value, same.Key);
        }

        return labels;
    }

    private static string Label(PeerGroupFigures figures)
    {
        var kind = Texts.Get("PeerGroup.Size." + figures.Size) + " " + Texts.Get("PeerGroup.Settlement." + figures.Settlement);
        var people = Texts.Format("PeerGroup.Population", Rounded(figures.Population.Median), Rounded(figures.Population.Low),
            Rounded(figures.Population.High), Rounded(figures.DensityPerKm2.Median));
        var label = figures.ForeignShare is { } foreign
            ? Texts.Format("PeerGroup.Label", kind, people, Texts.Get("PeerGroup.ForeignLevel." + figures.ForeignLevel),
                Share(foreign.Median), Share(foreign.Low), Share(foreign.High))
            : Texts.Format("PeerGroup.LabelWithoutForeignShare", kind, people);
        return char.ToUpper(label[0], Texts.Culture) + label[1..];
    }

    /// <summary>Two significant figures, as a planner says it: 2.134 → 2.100.</summary>
    private static string Rounded(double value)
    {
        if (value < 10)
        {
            return Texts.Number(value, 0);
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return Texts.Number(Math.Round(value / magnitude, MidpointRounding.AwayFromZero) * magnitude, 0);
    }

    /// <summary>A share in whole percent; "&lt; 1 %" rather than a misleading "0 %".</summary>
    private static string Share(double share) =>
        share > 0 && share < 0.005 ? "< " + Texts.Percent(0.01) : Texts.Percent(share);
}
