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
    public int Used => System.IO.File.Exists(File) && int.TryParse(System.IO.File.ReadAllText(File), NumberStyles.None, CultureInfo.InvariantCulture, out var used) ? used : 0;

    /// <summary>Counts one request, or refuses it when today's allowance is spent.</summary>
    public void Take()
    {
        var used = Used;
        if (used >= perDay)
        {
            throw new DyadException(DyadErrorKind.Unavailable,
                $"{service}: today's {perDay:N0} requests are used; what was fetched is kept, and the same command tomorrow goes on from there.");
        }

        Directory.CreateDirectory(folder);
        System.IO.File.WriteAllText(File, (used + 1).ToString(CultureInfo.InvariantCulture));
    }
}
