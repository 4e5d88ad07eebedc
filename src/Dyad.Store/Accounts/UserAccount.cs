namespace Dyad.Store.Accounts;

/// <summary>What a user of a shared store may do; each role may do what the one before it may.</summary>
public enum UserRole
{
    /// <summary>Reads events, maps, briefs and the sources open to all.</summary>
    Viewer,

    /// <summary>Also writes: imports, sources, claims, link decisions; sees restricted and protected sources.</summary>
    Analyst,

    /// <summary>Also manages users and reads the audit log.</summary>
    Admin,
}

/// <summary>A user of a shared store.</summary>
/// <param name="PasswordHash">ASP.NET Core Identity's hash of the password; null for a user who signs in with tokens only.</param>
/// <param name="Stamp">Changes whenever the password or the role does, so that a session issued before ends.</param>
/// <param name="FailedLogins">Failed logins since the last good one; enough of them lock the user out.</param>
public sealed record UserAccount(string Name, UserRole Role, string? PasswordHash, string Stamp, int FailedLogins, DateTimeOffset? LockedUntil,
    string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>An API token: its SHA-256 (the token itself is shown once, when issued), whose it is, and when it was last used.</summary>
public sealed record ApiToken(string Hash, string UserName, DateTimeOffset CreatedAt, DateTimeOffset? LastUsed);
