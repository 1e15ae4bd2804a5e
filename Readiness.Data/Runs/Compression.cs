using System.IO.Compression;

namespace Readiness.Data.Runs;

/// <summary>
/// Per-municipality details are JSON of a few kilobytes each; stored compressed, a run of all German
/// municipalities takes a few megabytes instead of tens, which matters when 90 runs are kept.
/// </summary>
public static class Compression
{
    /// <summary>Brotli at its fastest quality (1), in one call: a run compresses every municipality's answer.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> utf8)
    {
        var buffer = CompressionBuffer is { } kept && kept.Length >= BrotliEncoder.GetMaxCompressedLength(utf8.Length)
            ? kept
            : CompressionBuffer = new byte[Math.Max(64 * 1024, BrotliEncoder.GetMaxCompressedLength(utf8.Length))];
        if (!BrotliEncoder.TryCompress(utf8, buffer, out var written, quality: 1, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress the detail.");
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        // A published run decompresses every answer it serves at once: straight from span to span, with a
        // buffer that grows only when an answer is larger than it (answers are a few kilobytes).
        var buffer = DecompressionBuffer ??= new byte[64 * 1024];
        while (true)
        {
            if (BrotliDecoder.TryDecompress(compressed, buffer, out var written))
            {
                return buffer.AsSpan(0, written).ToArray();
            }

            if (buffer.Length >= 64 << 20)
            {
                throw new InvalidDataException("The compressed detail is not valid Brotli data.");
            }

            DecompressionBuffer = buffer = new byte[buffer.Length * 4];
        }
    }

    [ThreadStatic]
    private static byte[]? DecompressionBuffer;

    [ThreadStatic]
    private static byte[]? CompressionBuffer;
}
