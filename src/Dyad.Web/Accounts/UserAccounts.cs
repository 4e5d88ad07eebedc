using System.Security.Cryptography;
using Dyad.Store.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Dyad.Web.Accounts;

/// <summary>What a login attempt came to.</summary>
public enum LoginOutcome
{
    SignedIn,
    WrongNameOrPassword,
    LockedOut,
}

/// <summary>
/// The users of a shared store: added with a password shown once, signing in against ASP.NET Core Identity's password
/// hash with a lockout after failed attempts, and API tokens kept only as their SHA-256. The CLI's <c>dyad users</c>
/// and the server both use it.
/// </summary>
public sealed class UserAccounts(IAccountStore store, TimeProvider clock)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>A hash to check a password against when the user does not exist, so that the answer takes as long as when it does.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, RandomSecret(24)));

    /// <summary>The shortest password a user may choose.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>What a token starts with, so that one pasted into the wrong place is recognised.</summary>
    public const string TokenPrefix = "dyad_";

    /// <summary>The name of the admin the first start makes when the store has no user.</summary>
    public const string FirstAdmin = "admin";

    /// <summary>Adds a user with a new random password, which is returned once and never stored.</summary>
    /// <exception cref="DyadException">BadUsage: a name that is taken or not one word.</exception>
    public (UserAccount User, string Password) Add(string name, UserRole role, string by)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            throw DyadException.BadUsage($"'{name}': a user's name is one word of letters, digits and . - _ @ (at most 64).");
        }

        var password = RandomSecret(15);
        var user = new UserAccount(name, role, null, NewStamp(), 0, null, by, clock.GetUtcNow());
        user = user with { PasswordHash = Hasher.HashPassword(user, password) };
        store.AddUser(user, by);
        return (user, password);
    }

    /// <summary>When the store has no user yet: adds the admin and returns its password, shown once. Null when there are users.</summary>
    public string? AddFirstAdminIfNone(string by) => store.Users().Count > 0 ? null : Add(FirstAdmin, UserRole.Admin, by).Password;

    /// <exception cref="DyadException">BadUsage: a password that is too short. NotFound: no such user.</exception>
    public void SetPassword(string name, string password, string by)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw DyadException.BadUsage($"A password needs at least {MinimumPasswordLength} characters.");
        }

        var user = Find(name);
        store.UpdateUser(user with { PasswordHash = Hasher.HashPassword(user, password), Stamp = NewStamp() }, by);
    }

    /// <exception cref="DyadException">NotFound: no such user. Conflict: it would leave the store without an admin.</exception>
    public void SetRole(string name, UserRole role, string by)
    {
        var user = Find(name);
        if (user.Role == UserRole.Admin && role != UserRole.Admin)
        {
            RefuseLastAdmin(name);
        }

        store.UpdateUser(user with { Role = role, Stamp = NewStamp() }, by);
    }

    /// <exception cref="DyadException">NotFound: no such user. Conflict: the last admin.</exception>
    public void Remove(string name, string by)
    {
        if (Find(name).Role == UserRole.Admin)
        {
            RefuseLastAdmin(name);
        }

        store.RemoveUser(name, by);
    }

    public IReadOnlyList<UserAccount> List() => store.Users();

    /// <summary>Issues an API token for a user: returned once, kept only as its hash.</summary>
    /// <exception cref="DyadException">NotFound: no such user.</exception>
    public string IssueToken(string name, string by)
    {
        Find(name);
        var token = TokenPrefix + RandomSecret(32);
        store.AddToken(new ApiToken(HashToken(token), name, clock.GetUtcNow(), null), by);
        return token;
    }

    /// <summary>The SHA-256 of a token, as the store keeps it: a token is random enough that no salt or stretching is needed.</summary>
    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Checks a name and password. A user who is locked out stays so until the lock ends, whatever the password; the
    /// <paramref name="attempts"/>th failure in a row locks them out for <paramref name="lockout"/>.
    /// </summary>
    public (LoginOutcome Outcome, UserAccount? User) SignIn(string name, string password, int attempts, TimeSpan lockout)
    {
        var user = store.FindUser(name);
        var now = clock.GetUtcNow();
        if (user?.LockedUntil > now)
        {
            return (LoginOutcome.LockedOut, user);
        }

        var verified = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash.Value, password);
        if (user is null || user.PasswordHash is null || verified == PasswordVerificationResult.Failed)
        {
            if (user is not null)
            {
                var locks = user.FailedLogins + 1 >= attempts;
                store.RecordLogin(user.Name, succeeded: false, locks ? now + lockout : null);
                return (locks ? LoginOutcome.LockedOut : LoginOutcome.WrongNameOrPassword, user);
            }

            return (LoginOutcome.WrongNameOrPassword, null);
        }

        if (user.FailedLogins > 0 || user.LockedUntil is not null)
        {
            store.RecordLogin(user.Name, succeeded: true, null);
        }

        return (LoginOutcome.SignedIn, user);
    }

    private UserAccount Find(string name) =>
        store.FindUser(name) ?? throw new DyadException(DyadErrorKind.NotFound, $"No user named {name} in the store ('dyad users list').");

    private void RefuseLastAdmin(string name)
    {
        if (store.Users().Count(u => u.Role == UserRole.Admin) == 1)
        {
            throw new DyadException(DyadErrorKind.Conflict, $"{name} is the store's last admin; make another user admin first.");
        }
    }

    private static string NewStamp() => RandomSecret(16);

    /// <summary>Random bytes from the system's cryptographic generator, as URL-safe text.</summary>
    private static string RandomSecret(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
