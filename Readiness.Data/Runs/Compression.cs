using System.IO.Compression;

namespace Readiness.Data.Runs;

/// <summary>
/// Per-municipality details are JSON of a few kilobytes each; stored compressed, a run of all German
/// municipalities takes a few megabytes instead of tens, which matters when 90 runs are kept.
/// </summary>
public static class Compression
{
    public static byte[] Compress(ReadOnlySpan<byte> utf8)
    {
        using var output = new MemoryStream(utf8.Length / 3 + 16);
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(utf8);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var input = new MemoryStream(compressed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
