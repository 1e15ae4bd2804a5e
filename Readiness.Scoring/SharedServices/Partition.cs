namespace Readiness.Scoring.SharedServices;

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
    public bool Connected(IReadOnlyList<int> units) => Connected(units, without: -1, with: -1);

    /// <summary>
    /// Whether <paramref name="units"/>, less <paramref name="without"/> and plus <paramref name="with"/>
    /// (−1: none), form one piece. Groups have at most 50 units, so the search runs on the stack.
    /// </summary>
    public bool Connected(IReadOnlyList<int> units, int without, int with)
    {
        var count = 0;
        Span<int> members = units.Count < 64 ? stackalloc int[units.Count + 1] : new int[units.Count + 1];
        foreach (var unit in units)
        {
            if (unit != without)
            {
                members[count++] = unit;
            }
        }

        if (with >= 0)
        {
            members[count++] = with;
        }

        if (count == 0)
        {
            return false;
        }

        members = members[..count];
        Span<bool> seen = count < 64 ? stackalloc bool[count] : new bool[count];
        Span<int> stack = count < 64 ? stackalloc int[count] : new int[count];
        seen.Clear();
        seen[0] = true;
        stack[0] = 0;
        var top = 1;
        var reached = 1;
        while (top > 0)
        {
            foreach (var next in Graph.Adjacent[members[stack[--top]]])
            {
                var at = members.IndexOf(next);
                if (at >= 0 && !seen[at])
                {
                    seen[at] = true;
                    stack[top++] = at;
                    reached++;
                }
            }
        }

        return reached == count;
    }

    /// <summary>Whether <paramref name="unit"/> can leave <paramref name="region"/> and leave it a valid group.</summary>
    public bool CanGive(Region region, int unit)
    {
        var size = region.Size - Graph.Size[unit];
        return region.Units.Count > 1
            && Floor.Meets(size, region.Population - Graph.Population[unit], region.Foreign - Graph.Foreign[unit])
            && Connected(region.Units, without: unit, with: -1);
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
