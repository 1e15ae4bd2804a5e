namespace Readiness.Scoring.SharedServices;

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
