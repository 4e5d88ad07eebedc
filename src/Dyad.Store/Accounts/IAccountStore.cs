namespace Dyad.Store.Accounts;

/// <summary>
/// The users of a shared store and their API tokens. Every change is kept in the record of changes (record type
/// "user" or "token"), without the hashes.
/// </summary>
public interface IAccountStore
{
    IReadOnlyList<UserAccount> Users();

    UserAccount? FindUser(string name);

    /// <exception cref="DyadException">BadUsage: a user of that name exists.</exception>
    void AddUser(UserAccount user, string by);

    /// <summary>Replaces a user's role, password hash and stamp.</summary>
    /// <exception cref="DyadException">NotFound: no such user.</exception>
    void UpdateUser(UserAccount user, string by);

    /// <summary>Removes a user and their tokens.</summary>
    /// <exception cref="DyadException">NotFound: no such user.</exception>
    void RemoveUser(string name, string by);

    /// <summary>Counts a login: a good one clears the failures; a bad one adds one, and locks the user until <paramref name="lockUntil"/> if given.</summary>
    void RecordLogin(string name, bool succeeded, DateTimeOffset? lockUntil);

    void AddToken(ApiToken token, string by);

    /// <summary>The token with this hash; null if none.</summary>
    ApiToken? FindToken(string hash);

    /// <summary>Notes that the token was used at <paramref name="at"/>.</summary>
    void TouchToken(string hash, DateTimeOffset at);

    IReadOnlyList<ApiToken> Tokens(string userName);
}
