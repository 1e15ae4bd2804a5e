using System.Globalization;

namespace Readiness.Benchmarks.Infrastructure;

/// <summary>Median and spread of repeated measurements: the machine is shared, so one figure alone says little.</summary>
internal sealed record Stats(double Median, double Min, double Max, int Count)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Stats(double.NaN, double.NaN, double.NaN, 0);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>"1.23 (1.10–1.40)" with the given format.</summary>
    public string Format(string format = "0.00") => Count switch
    {
        0 => "–",
        1 => Median.ToString(format, CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})"),
    };
}
