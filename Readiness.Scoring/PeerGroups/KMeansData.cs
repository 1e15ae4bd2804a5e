using Microsoft.ML.Data;

namespace Readiness.Scoring.PeerGroups;

/// <summary>Rows prepared once for many fits: a flat double matrix for the polish and float rows for ML.NET.</summary>
internal sealed class KMeansData
{
    private KMeansData(double[] values, int count, int dimensions)
    {
        Values = values;
        Count = count;
        Dimensions = dimensions;
        var variances = new double[dimensions];
        for (var f = 0; f < dimensions; f++)
        {
            var mean = 0.0;
            for (var i = 0; i < count; i++)
            {
                mean += values[i * dimensions + f];
            }

            mean /= count;
            for (var i = 0; i < count; i++)
            {
                variances[f] += (values[i * dimensions + f] - mean) * (values[i * dimensions + f] - mean) / count;
            }
        }

        MeanVariance = variances.Average();
        MlRows = new KMeansClustering.MlRow[count];
        for (var i = 0; i < count; i++)
        {
            var features = new float[dimensions];
            for (var f = 0; f < dimensions; f++)
            {
                features[f] = (float)values[i * dimensions + f];
            }

            MlRows[i] = new KMeansClustering.MlRow { Features = features };
        }

        Schema = SchemaDefinition.Create(typeof(KMeansClustering.MlRow));
        Schema[nameof(KMeansClustering.MlRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
    }

    /// <summary>Row-major n × d.</summary>
    public double[] Values { get; }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>Mean of the column variances: the scale of scikit-learn's convergence tolerance.</summary>
    public double MeanVariance { get; }

    public KMeansClustering.MlRow[] MlRows { get; }

    public SchemaDefinition Schema { get; }

    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(i * Dimensions, Dimensions);

    /// <summary><paramref name="size"/> distinct rows drawn with <paramref name="seed"/> (a partial Fisher–Yates shuffle), in row order.</summary>
    public KMeansClustering.MlRow[] Sample(int size, int seed)
    {
        var random = new Random(seed);
        var indexes = Enumerable.Range(0, Count).ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, Count);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        Array.Sort(indexes, 0, size);
        return [.. indexes.Take(size).Select(i => MlRows[i])];
    }

    public static KMeansData From(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("k-means needs at least one row.", nameof(rows));
        }

        var d = rows[0].Length;
        var values = new double[rows.Count * d];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values, the first row {d}.", nameof(rows));
            }

            foreach (var value in rows[i])
            {
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"Row {i} has a value that is not a finite number.", nameof(rows));
                }
            }

            rows[i].CopyTo(values, i * d);
        }

        return new KMeansData(values, rows.Count, d);
    }
}


