using System.Runtime.CompilerServices;

namespace Readiness.Scoring.Scores;

/// <summary>
/// The robustness analysis' ranks: one block per ranking (overall, then each grouping), within it one
/// row per draw of the ranks of a slice of the ranked municipalities (<see cref="First"/>, <see cref="Count"/>). The table is the analysis' largest allocation, so
/// a ranking is held no wider than it must be: ranks up to 65,535 in 16 bits; up to 131,071 (Europe's
/// 96,000 ranked LAUs overall) in 16 bits plus a plane of 17th bits; beyond that in 32 bits.
/// </summary>
internal sealed class RankTable
{
    private const int Packed = 0x1FFFF;
    private readonly ushort[]?[] narrow;
    private readonly ulong[]?[] highBits;
    private readonly uint[]?[] wide;
    private readonly int rowWords;

    /// <param name="largestGroups">Per ranking, the size of its largest group: its highest possible rank.</param>
    /// <param name="draws">Draws of the analysis.</param>
    /// <param name="first">The first ranked municipality of the slice.</param>
    /// <param name="count">Municipalities in the slice.</param>
    public RankTable(IReadOnlyList<int> largestGroups, int draws, int first, int count)
    {
        if ((long)draws * count > Array.MaxLength)
        {
            throw new ArgumentException($"{draws} draws of {count} municipalities exceed what one analysis can hold; analyse fewer municipalities at once.");
        }

        Draws = draws;
        First = first;
        Count = count;
        Capacity = count;
        narrow = new ushort[]?[largestGroups.Count];
        highBits = new ulong[]?[largestGroups.Count];
        wide = new uint[]?[largestGroups.Count];
        // Each draw's 17th bits start on a word of their own: draws are ranked on different threads.
        rowWords = (count + 63) / 64;
        for (var slot = 0; slot < largestGroups.Count; slot++)
        {
            if (largestGroups[slot] <= Packed)
            {
                narrow[slot] = new ushort[draws * count];
                if (largestGroups[slot] > ushort.MaxValue)
                {
                    highBits[slot] = new ulong[draws * rowWords];
                }
            }
            else
            {
                wide[slot] = new uint[draws * count];
            }
        }
    }

    public int Draws { get; }

    /// <summary>The first ranked municipality this table holds.</summary>
    public int First { get; private set; }

    /// <summary>How many ranked municipalities, from <see cref="First"/>, this table holds.</summary>
    public int Count { get; private set; }

    /// <summary>The most municipalities a slice may have: the count the table was made for.</summary>
    public int Capacity { get; }

    /// <summary>Makes the table hold another slice, of at most <see cref="Capacity"/> municipalities: one table serves every pass.</summary>
    public void Reuse(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Capacity);
        First = first;
        Count = count;
        foreach (var array in narrow)
        {
            Array.Clear(array ?? []);
        }

        foreach (var array in highBits)
        {
            Array.Clear(array ?? []);
        }
    }

    /// <summary>What a table of all <paramref name="ranked"/> municipalities would take, in bytes.</summary>
    public static long Bytes(IReadOnlyList<int> largestGroups, int draws, int ranked) =>
        largestGroups.Sum(largest => largest <= ushort.MaxValue ? 2L * draws * ranked
            : largest <= Packed ? (2L * draws * ranked) + (8L * draws * ((ranked + 63) / 64))
            : 4L * draws * ranked);

    /// <summary>
    /// Records ranked municipality <paramref name="r"/>'s rank in draw <paramref name="d"/> of ranking
    /// <paramref name="slot"/>, if it lies in this table's slice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int slot, int d, int r, int rank)
    {
        r -= First;
        if ((uint)r >= (uint)Count)
        {
            return;
        }

        var index = (d * Count) + r;
        if (narrow[slot] is { } small)
        {
            small[index] = (ushort)rank;
            if (rank > ushort.MaxValue)
            {
                highBits[slot]![(d * rowWords) + (r >> 6)] |= 1UL << (r & 63);
            }
        }
        else
        {
            wide[slot]![index] = (uint)rank;
        }
    }

    /// <summary>
    /// Copies the ranks of municipalities <paramref name="first"/>..+<paramref name="count"/> into
    /// <paramref name="rows"/>, one row of all draws per municipality: each draw's ranks of a block are
    /// one or two cache lines, so the block is read draw by draw and written municipality by municipality.
    /// </summary>
    public void Gather(int slot, int first, int count, uint[] rows)
    {
        for (var d = 0; d < Draws; d++)
        {
            var start = (d * Count) + first;
            if (narrow[slot] is { } small)
            {
                var source = small.AsSpan(start, count);
                for (var j = 0; j < count; j++)
                {
                    rows[(j * Draws) + d] = source[j];
                }

                if (highBits[slot] is { } bits)
                {
                    var word = d * rowWords;
                    for (var j = 0; j < count; j++)
                    {
                        var r = first + j;
                        rows[(j * Draws) + d] |= (uint)((bits[word + (r >> 6)] >> (r & 63)) & 1) << 16;
                    }
                }
            }
            else
            {
                var source = wide[slot].AsSpan(start, count);
                for (var j = 0; j < count; j++)
                {
                    rows[(j * Draws) + d] = source[j];
                }
            }
        }
    }
}
