using System.Security.Claims;
using Dyad.Store.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Dyad.Web.Accounts;

/// <summary>The server's policies: who may read, who may write, who may manage users. Each role may do what the one below it may.</summary>
public static class Roles
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Manage = "manage";

    /// <summary>The claim that holds the user's stamp, so that a session ends when the password or role changes.</summary>
    public const string StampClaim = "dyad:stamp";

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Write, p => p.RequireAuthenticatedUser().RequireAssertion(c => RoleOf(c.User) >= UserRole.Analyst));
        options.AddPolicy(Manage, p => p.RequireAuthenticatedUser().RequireAssertion(c => RoleOf(c.User) >= UserRole.Admin));
        options.FallbackPolicy = options.GetPolicy(Read);
    }

    /// <summary>The role a signed-in user has; a viewer's when the principal says none.</summary>
    public static UserRole RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), ignoreCase: true, out var role) ? role : UserRole.Viewer;

    /// <summary>Whether the user may see restricted and protected sources (analysts and admins).</summary>
    public static bool SeesProtected(ClaimsPrincipal user) => RoleOf(user) >= UserRole.Analyst;

    /// <summary>The name the records of changes give for what this user does.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static ClaimsPrincipal Principal(UserAccount user, string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role.ToString().ToLowerInvariant()), new Claim(StampClaim, user.Stamp)],
        scheme, ClaimTypes.Name, ClaimTypes.Role));
}
