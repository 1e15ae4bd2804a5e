using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace Readiness.Data;

/// <summary>
/// Looks at a SQLite file before anything writes to it: the header, whether the file is as long as
/// the header says, and SQLite's own <c>quick_check</c> (every page read once, about 2–3 ms per MB),
/// so that a damaged file stops the start with a sentence instead of failing somewhere later.
/// </summary>
public static class SqliteFileCheck
{
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>What is wrong with the file, or null when it looks sound. A missing or empty file is not this check's business (null).</summary>
    public static string? Problem(string path, bool quickCheck = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return null;
        }

        var header = new byte[100];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return read < header.Length
                ? $"only {info.Length} bytes, shorter than a SQLite header"
                : "it does not start with the SQLite header, so it is not a SQLite database or its first page is overwritten";
        }

        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16)) is var size && size == 1 ? 65_536 : size;
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24));
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92));
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            return $"its header names an impossible page size ({pageSize})";
        }

        // The page count in the header is trustworthy only when written by the same change as the counter (SQLite 3.7.0+).
        if (pages > 0 && validFor == changeCounter && (long)pages * pageSize > info.Length)
        {
            return $"it is truncated: its header promises {pages} pages of {pageSize} bytes ({(long)pages * pageSize} bytes), the file has {info.Length}";
        }

        return quickCheck ? QuickCheck(path) : null;
    }

    private static string? QuickCheck(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(1)";
            var result = command.ExecuteScalar() as string;
            return result == "ok" ? null : $"SQLite's quick_check finds damaged pages: {result?.ReplaceLineEndings(" ").Trim()}";
        }
        catch (SqliteException exception)
        {
            return $"SQLite cannot read it: {exception.Message}";
        }
    }
}
