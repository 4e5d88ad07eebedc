using System.Globalization;

namespace Dyad.Connectors;

/// <summary>
/// A service's daily allowance of requests (UCDP: 5,000 a day), counted in a file beside the fetched pages so that it
/// holds across commands; a request beyond it is refused before it is sent.
/// </summary>
public sealed class RequestBudget(string folder, string service, int perDay, TimeProvider clock)
{
    private string File => Path.Combine(folder, $"{service}-requests-{clock.GetUtcNow():yyyy-MM-dd}.txt");

    /// <summary>Requests made today (UTC).</summary>
    public int Used
    {
        get
        {
            if (!System.IO.File.Exists(File))
            {
                return 0;
            }

            using var stream = OpenExclusive(File);
            return Count(stream);
        }
    }

    /// <summary>Counts one request, or refuses it when today's allowance is spent.</summary>
    /// <remarks>
    /// The count is read and written under an exclusive lock on the file, so that two fetches at once (two commands, or
    /// the server's jobs) cannot both read 4,999 and both send the 5,000th request.
    /// </remarks>
    public void Take()
    {
        Directory.CreateDirectory(folder);
        using var stream = OpenExclusive(File);
        var used = Count(stream);
        if (used >= perDay)
        {
            throw new DyadException(DyadErrorKind.Unavailable,
                $"{service}: today's {perDay:N0} requests are used; what was fetched is kept, and the same command tomorrow goes on from there.");
        }

        // Written over the old count, then cut to its length: the count only grows, so a process killed in between leaves
        // the new count (never an empty file, which would read as none used).
        var count = System.Text.Encoding.ASCII.GetBytes((used + 1).ToString(CultureInfo.InvariantCulture));
        stream.Position = 0;
        stream.Write(count);
        stream.SetLength(count.Length);
    }

    private static int Count(FileStream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        return int.TryParse(reader.ReadToEnd(), NumberStyles.None, CultureInfo.InvariantCulture, out var used) ? used : 0;
    }

    /// <summary>Opens the counter for this process alone, waiting (up to ten seconds) while another holds it.</summary>
    private static FileStream OpenExclusive(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200 && System.IO.File.Exists(path))
            {
                Thread.Sleep(50);
            }
        }
    }
}
