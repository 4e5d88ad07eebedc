using Dyad.App;
using Dyad.App.Attribution;
using Dyad.Attribution;
using Dyad.Store;
using Dyad.Web.Hosting;

namespace Dyad.Web.Attribution;

/// <summary>
/// The server's attribution: the store's attacks and a model — the one beside the store (or named at start), else one
/// trained on the store when first needed — prepared in the background, and prepared again after an import changes
/// what is known. Until it is ready, attribution answers 503 with when to try again.
/// </summary>
public sealed class AttributionCache(StorePool pool, Registries registries, ServerOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Task<AttributionService>? _current;

    /// <summary>The model file the server uses if it is there.</summary>
    public string? ModelPath => options.Model ?? (EventStores.IsPostgres(options.Db) ? null : Path.ChangeExtension(Path.GetFullPath(options.Db), ".model.zip"));

    /// <summary>The service, waiting a little for it if it is being prepared.</summary>
    /// <exception cref="DyadException">Unavailable: still being prepared.</exception>
    public async ValueTask<AttributionService> Get(CancellationToken cancellationToken)
    {
        Task<AttributionService> current;
        lock (_gate)
        {
            current = _current ??= Task.Run(Prepare, CancellationToken.None);
        }

        var ready = await Task.WhenAny(current, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        if (ready != current)
        {
            throw new DyadException(DyadErrorKind.Unavailable, "The attribution model is being prepared (read from the store, or trained on it when there is no model file); try again in a minute.");
        }

        if (!current.IsCompletedSuccessfully)
        {
            // A preparation that failed (too few attacks, a model file that cannot be read) is tried again by the next
            // question, not handed out until the next import.
            lock (_gate)
            {
                if (ReferenceEquals(_current, current))
                {
                    _current = null;
                }
            }
        }

        return await current;
    }

    /// <summary>Forgets the attacks known, after an import: the next question prepares them again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }

    private async Task<AttributionService> Prepare()
    {
        var model = ModelPath is { } path && File.Exists(path) ? AttributionModel.Load(path) : null;
        using var lease = await pool.Rent(CancellationToken.None);
        return AttributionService.Create(lease.Store, registries, model, clock);
    }
}
