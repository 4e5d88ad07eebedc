using System.Collections.Concurrent;
using Dyad.Store.Accounts;
using Dyad.Web.Hosting;

namespace Dyad.Web.Accounts;

/// <summary>
/// The users and tokens every request is checked against, read from the store and kept for a few seconds, so that a
/// busy server does not ask the store who is who on every request. A change made through this server is seen at once;
/// one made elsewhere (the CLI, another server) within <see cref="Freshness"/>.
/// </summary>
public sealed class AccountDirectory(StorePool pool, TimeProvider clock)
{
    /// <summary>How long a user or token read from the store is trusted before it is read again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);

    /// <summary>How often a token's last use is written to the store.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (UserAccount? User, DateTimeOffset Read)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ApiToken? Token, DateTimeOffset Read)> _tokens = new(StringComparer.Ordinal);

    public async ValueTask<UserAccount?> User(string name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_users.TryGetValue(name, out var cached) && now - cached.Read < Freshness)
        {
            return cached.User;
        }

        using var lease = await pool.Rent(cancellationToken);
        var user = lease.Store.FindUser(name);
        _users[name] = (user, now);
        return user;
    }

    /// <summary>The user a token belongs to, or null for a token that is not (or no longer) valid.</summary>
    public async ValueTask<UserAccount?> UserOfToken(string token, CancellationToken cancellationToken)
    {
        var hash = UserAccounts.HashToken(token);
        var now = clock.GetUtcNow();
        if (!_tokens.TryGetValue(hash, out var cached) || now - cached.Read >= Freshness)
        {
            using var lease = await pool.Rent(cancellationToken);
            var found = lease.Store.FindToken(hash);
            if (found is not null && (found.LastUsed is null || now - found.LastUsed >= TouchEvery))
            {
                lease.Store.TouchToken(hash, now);
            }

            cached = (found, now);
            _tokens[hash] = cached;
        }

        return cached.Token is { } valid ? await User(valid.UserName, cancellationToken) : null;
    }

    /// <summary>Forgets what was read, after this server changed users or tokens.</summary>
    public void Forget()
    {
        _users.Clear();
        _tokens.Clear();
    }
}
