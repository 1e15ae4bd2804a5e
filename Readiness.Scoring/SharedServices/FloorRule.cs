namespace Readiness.Scoring.SharedServices;

/// <summary>When a set of municipalities is big enough for a shared offer.</summary>
internal sealed class FloorRule(SharedServiceOptions options)
{
    public int MinMembers => options.MinMembers;

    public int MaxMembers => options.MaxMembers;

    public double? ForeignFloor => options.FloorForeignResidents;

    public long? PopulationFloor => options.FloorPopulation;

    /// <summary>The share of the floor these totals bring, on whichever criterion is further (0 for a criterion that is off).</summary>
    public double Weight(long population, double foreign) => Math.Max(
        options.FloorForeignResidents is { } f and > 0 ? foreign / f : 0,
        options.FloorPopulation is { } p and > 0 ? (double)population / p : 0);

    /// <summary>Whether a group of this size and these totals is big enough: the question region growing asks millions of times, so it allocates nothing.</summary>
    public bool Meets(int size, long population, double foreign) =>
        size >= options.MinMembers
        && ((options.FloorForeignResidents is { } f && foreign >= f) || (options.FloorPopulation is { } p && population >= p));

    /// <summary>Whether the units together would meet the floor.</summary>
    public bool MeetsTogether(UnitGraph graph, IReadOnlyCollection<int> units) => Meets(
        units.Sum(u => graph.Size[u]), units.Sum(u => graph.Population[u]), units.Sum(u => graph.Foreign[u]));

    public List<string> ReachedBy(long population, double foreign)
    {
        var by = new List<string>(2);
        if (options.FloorForeignResidents is { } f && foreign >= f)
        {
            by.Add("foreignResidents");
        }

        if (options.FloorPopulation is { } p && population >= p)
        {
            by.Add("population");
        }

        return by;
    }

    /// <summary>How many groups these totals could carry at most, each group meeting one criterion on its own.</summary>
    public long MaxGroupsFrom(long population, double foreign)
    {
        if (options.FloorForeignResidents is 0 || options.FloorPopulation is 0)
        {
            return long.MaxValue;
        }

        return (options.FloorForeignResidents is { } f ? (long)Math.Floor(foreign / f) : 0)
            + (options.FloorPopulation is { } p ? population / p : 0);
    }

    /// <summary>How far towards the floor (1 = reached), on whichever criterion is further.</summary>
    public double Progress(long population, double foreign) => Math.Max(
        options.FloorForeignResidents is { } f ? (f > 0 ? foreign / f : 1) : 0,
        options.FloorPopulation is { } p ? (p > 0 ? (double)population / p : 1) : 0);
}
