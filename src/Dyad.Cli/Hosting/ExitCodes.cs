namespace Dyad.Cli.Hosting;

/// <summary>Dyad's exit codes, the same for every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Something Dyad did not expect: a bug, or the machine (disk full, say).</summary>
    public const int Unexpected = 1;
    public const int BadUsage = 2;
    /// <summary>Bad input: the message names the file, row and column.</summary>
    public const int BadInput = 3;
    /// <summary>The store cannot be used now: another Dyad process has it open, or a newer Dyad made it.</summary>
    public const int Conflict = 4;
    /// <summary>A dataset's service refused the request or kept failing; what was fetched is kept for the next try.</summary>
    public const int Unavailable = 5;
    /// <summary>'dyad doctor' found something Dyad needs missing on this machine.</summary>
    public const int NotReady = 6;
    /// <summary>Interrupted (Ctrl-C); nothing half-done was kept.</summary>
    public const int Cancelled = 130;

    public static int For(DyadErrorKind kind) => kind switch
    {
        DyadErrorKind.BadInput => BadInput,
        DyadErrorKind.BadUsage => BadUsage,
        DyadErrorKind.NotFound => BadUsage,
        DyadErrorKind.Conflict => Conflict,
        DyadErrorKind.Unavailable => Unavailable,
        _ => Unexpected,
    };
}
