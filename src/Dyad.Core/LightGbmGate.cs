namespace Dyad;

/// <summary>
/// One LightGBM training at a time in a process. LightGBM's native library sets OpenMP's thread count for the whole
/// process, and it corrupted its memory (the process died with a segmentation fault) when a forecast trained while the
/// server was training an attribution model. Attribution and forecasting both train through this gate; scoring does
/// not need it (ML.NET scores with its own copy of the trees).
/// </summary>
public static class LightGbmGate
{
    public static readonly Lock Training = new();
}
