using System.Security.Cryptography;
using System.Text;

namespace Dyad.Ingest.Mapping;

/// <summary>
/// Ids for rows of files that carry no event id (reduced extracts): a hash of the verbatim row and how many times
/// that same row has appeared before in the file. Importing the same file again yields the same ids, so it adds
/// nothing; two identical rows in one file stay two events, as the file says.
/// </summary>
internal sealed class SyntheticIds
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Next(string raw)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)).AsSpan(0, 16));
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_seen, hash, out _);
        count++;
        return count == 1 ? $"row:{hash}" : $"row:{hash}:{count}";
    }
}
