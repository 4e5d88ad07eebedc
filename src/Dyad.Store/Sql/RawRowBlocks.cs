using System.IO.Compression;
using System.Text;

namespace Dyad.Store.Sql;

/// <summary>
/// Packs verbatim rows into compressed blocks and back (the format is described with the raw_row_blocks table).
/// zlib at its fastest level: raw CSV text shrinks several times over at a few hundred MB/s, so compressing on the
/// reading thread costs less than writing the text uncompressed would.
/// </summary>
internal static class RawRowBlocks
{
    /// <summary>
    /// How much text a block holds before compression. Compressed, a block must stay well under DuckDB's 256 KiB
    /// storage block: larger values go to overflow blocks that DuckDB keeps pinned in memory until a checkpoint, so
    /// that memory grows with the file (an import of 2,000,000 GTD rows ran out of memory with 2,048-row blocks).
    /// </summary>
    public const int TargetPlainBytes = 128 * 1024;

    public sealed record Block(long FirstRow, long LastRow, int RowCount, byte[] Data);

    /// <summary>Packs rows into as many blocks of about <see cref="TargetPlainBytes"/> as they need.</summary>
    public static List<Block> EncodeAll(IReadOnlyList<(long Row, string Raw)> rows, MemoryStream plain, MemoryStream packed)
    {
        var blocks = new List<Block>();
        var start = 0;
        long size = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            size += rows[i].Raw.Length + 16;
            if (size >= TargetPlainBytes || i == rows.Count - 1)
            {
                blocks.Add(Encode(rows.Skip(start).Take(i - start + 1).ToList(), plain, packed));
                start = i + 1;
                size = 0;
            }
        }

        return blocks;
    }

    /// <summary>Packs <paramref name="rows"/> into a block.</summary>
    /// <param name="plain">A buffer to lay the rows out in, reused from block to block: a block's rows are megabytes,
    /// and a fresh buffer for each would land on the large-object heap and force a full collection every few blocks.</param>
    /// <param name="packed">Likewise, for the compressed bytes.</param>
    public static Block Encode(IReadOnlyList<(long Row, string Raw)> rows, MemoryStream plain, MemoryStream packed)
    {
        // The rows are laid out first and compressed in one call: zlib is several times slower fed row by row.
        plain.SetLength(0);
        packed.SetLength(0);
        using (var writer = new BinaryWriter(plain, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var (row, raw) in rows)
            {
                writer.Write(row);
                writer.Write(raw);
            }
        }

        using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(plain.GetBuffer(), 0, (int)plain.Length);
        }

        return new Block(rows[0].Row, rows[^1].Row, rows.Count, packed.ToArray());
    }

    public static Dictionary<long, string> Decode(Stream data)
    {
        var rows = new Dictionary<long, string>();
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        using var reader = new BinaryReader(zlib, Encoding.UTF8);
        while (true)
        {
            long row;
            try
            {
                row = reader.ReadInt64();
            }
            catch (EndOfStreamException)
            {
                return rows;
            }

            rows[row] = reader.ReadString();
        }
    }
}
