namespace Readiness.Scoring.SharedServices;

/// <summary>When a set of municipalities is big enough for a shared offer.</summary>
internal sealed class FloorRule(SharedServiceOptions options)
{
    public int MinMembers => options.MinMembers;

    public int MaxMembers => options.MaxMembers;

    public bool Meets(int size, long population, double foreign) =>
        size >= options.MinMembers && ReachedBy(population, foreign).Count > 0;

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

/// <summary>A group under construction: its units and running totals.</summary>
internal sealed class Region(int id)
{
    public int Id { get; } = id;

    public List<int> Units { get; } = [];

    public int Size { get; private set; }

    public long Population { get; private set; }

    public double Foreign { get; private set; }

    private double sumX;
    private double sumY;
    private double sumSquares;
    private int located;

    /// <summary>Sum of squared distances (km²) of the members to their centre: lower is more compact.</summary>
    public double Inertia => InertiaAfter(null, 0, 0);

    public double InertiaAfter(UnitGraph? graph, int unit, int sign)
    {
        var x = sumX + sign * (graph?.SumX[unit] ?? 0);
        var y = sumY + sign * (graph?.SumY[unit] ?? 0);
        var sq = sumSquares + sign * (graph?.SumSquares[unit] ?? 0);
        var n = located + sign * (graph?.Located[unit] ?? 0);
        return n == 0 ? 0 : Math.Max(0, sq - (x * x + y * y) / n);
    }

    public void Change(UnitGraph graph, int unit, int sign)
    {
        if (sign > 0)
        {
            Units.Add(unit);
        }
        else
        {
            Units.Remove(unit);
        }

        Size += sign * graph.Size[unit];
        Population += sign * graph.Population[unit];
        Foreign += sign * graph.Foreign[unit];
        sumX += sign * graph.SumX[unit];
        sumY += sign * graph.SumY[unit];
        sumSquares += sign * graph.SumSquares[unit];
        located += sign * graph.Located[unit];
    }
}

/// <summary>
/// An assignment of the units of one connected area to regions. Units are global ids into the
/// <see cref="UnitGraph"/>; the partition holds state only for its own area.
/// </summary>
internal sealed class Partition
{
    private readonly Dictionary<int, Region> regionOf = [];
    private int nextId;

    public Partition(UnitGraph graph, FloorRule floor, IReadOnlyList<int> units)
    {
        Graph = graph;
        Floor = floor;
        Units = units;
    }

    public UnitGraph Graph { get; }

    public FloorRule Floor { get; }

    /// <summary>The area's units, ascending (= AGS order).</summary>
    public IReadOnlyList<int> Units { get; }

    public List<Region> Regions { get; } = [];

    public Region? RegionOf(int unit) => regionOf.GetValueOrDefault(unit);

    public int AssignedMembers => Regions.Sum(r => r.Size);

    public double TotalInertia => Regions.Sum(r => r.Inertia);

    public Region Create()
    {
        var region = new Region(nextId++);
        Regions.Add(region);
        return region;
    }

    public void Add(Region region, int unit)
    {
        region.Change(Graph, unit, +1);
        regionOf[unit] = region;
    }

    public void Remove(Region region, int unit)
    {
        region.Change(Graph, unit, -1);
        regionOf.Remove(unit);
        if (region.Units.Count == 0)
        {
            Regions.Remove(region);
        }
    }

    public bool Meets(Region region) => Floor.Meets(region.Size, region.Population, region.Foreign);

    /// <summary>Whether the units form one piece through the unit graph (an empty set does not).</summary>
    public bool Connected(IReadOnlyCollection<int> units)
    {
        if (units.Count == 0)
        {
            return false;
        }

        var set = units as ISet<int> ?? units.ToHashSet();
        var seen = new HashSet<int> { units.First() };
        var stack = new Stack<int>(seen);
        while (stack.Count > 0)
        {
            foreach (var next in Graph.Adjacent[stack.Pop()])
            {
                if (set.Contains(next) && seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen.Count == units.Count;
    }

    /// <summary>Whether <paramref name="unit"/> can leave <paramref name="region"/> and leave it a valid group.</summary>
    public bool CanGive(Region region, int unit)
    {
        var size = region.Size - Graph.Size[unit];
        return region.Units.Count > 1
            && Floor.Meets(size, region.Population - Graph.Population[unit], region.Foreign - Graph.Foreign[unit])
            && Connected(region.Units.Where(u => u != unit).ToList());
    }

    /// <summary>Regions adjacent to the unit (not its own), ascending by id.</summary>
    public List<Region> AdjacentRegions(int unit)
    {
        var own = RegionOf(unit);
        var result = new List<Region>(4);
        foreach (var next in Graph.Adjacent[unit])
        {
            if (RegionOf(next) is { } region && region != own && !result.Contains(region))
            {
                result.Add(region);
            }
        }

        result.Sort((a, b) => a.Id.CompareTo(b.Id));
        return result;
    }

    /// <summary>Ranks partitions: more groups, then more members placed, then more compact.</summary>
    public bool IsBetterThan(Partition? other) =>
        other is null
        || Regions.Count > other.Regions.Count
        || (Regions.Count == other.Regions.Count
            && (AssignedMembers > other.AssignedMembers
                || (AssignedMembers == other.AssignedMembers && TotalInertia < other.TotalInertia - 1e-6)));
}
