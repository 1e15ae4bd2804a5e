namespace Readiness.Scoring.Scores;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014; Vigna's reference splitmix64.c): a tiny, fully specified
/// generator, so a seed gives the same numbers on every platform and .NET version, unlike
/// <see cref="System.Random"/> whose algorithm is an implementation detail.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong state = seed;

    public ulong Next()
    {
        state += Golden;
        return Mix(state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="bound"/>) (Lemire's multiply-shift; bias below 2^-32 for small bounds).</summary>
    public int NextInt(int bound) => (int)(((Next() >> 32) * (ulong)bound) >> 32);

    /// <summary>Standard normal, from an Irwin–Hall sum of 12 uniforms: only + and −, so bit-identical everywhere.</summary>
    public double NextGaussianApprox()
    {
        var sum = 0.0;
        for (var k = 0; k < 12; k++)
        {
            sum += NextDouble();
        }

        return sum - 6;
    }

    /// <summary>The SplitMix64 finaliser: a well-mixed 64-bit hash of <paramref name="z"/>.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>An independent stream for item <paramref name="index"/> of a seeded family (a draw, a municipality).</summary>
    public static SplitMix64 ForStream(ulong seed, ulong index) => new(Mix(seed ^ Mix(index + Golden)));

    /// <summary>FNV-1a 64 of a string's UTF-16 code units: a stable hash (string.GetHashCode is randomised per process).</summary>
    public static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }
}
