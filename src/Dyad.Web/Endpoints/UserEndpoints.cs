using Dyad.Store.Accounts;
using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>A user as an admin sees them: never their password's hash.</summary>
public sealed record UserView(string Name, UserRole Role, bool LockedOut, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>A user to add.</summary>
public sealed record NewUser(string Name, UserRole Role);

/// <summary>A user just added, with their password, shown this once.</summary>
public sealed record AddedUser(UserView User, string Password);

/// <summary>A role to give.</summary>
public sealed record RoleChange(UserRole Role);

/// <summary>A token just issued, shown this once.</summary>
public sealed record IssuedToken(string User, string Token);

/// <summary>Managing the store's users and their tokens (admins).</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Roles.Manage);
        users.MapGet("", async (HttpContext context, StorePool pool, TimeProvider clock) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            return TypedResults.Ok(new UserAccounts(lease.Store, clock).List().Select(u => View(u, clock)).ToList());
        }).WithSummary("The store's users and their roles.");
        users.MapPost("", async (NewUser user, HttpContext context, StorePool pool, AccountDirectory directory, TimeProvider clock) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var (added, password) = new UserAccounts(lease.Store, clock).Add(user.Name, user.Role, Roles.NameOf(context.User));
            directory.Forget();
            return TypedResults.Created($"/api/users/{Uri.EscapeDataString(added.Name)}", new AddedUser(View(added, clock), password));
        }).WithSummary("Adds a user with a new password, shown this once.");
        users.MapPatch("/{name}", async (string name, RoleChange change, HttpContext context, StorePool pool, AccountDirectory directory, TimeProvider clock) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            new UserAccounts(lease.Store, clock).SetRole(name, change.Role, Roles.NameOf(context.User));
            directory.Forget();
            return TypedResults.NoContent();
        }).WithSummary("Gives a user another role (their sessions end).");
        users.MapDelete("/{name}", async (string name, HttpContext context, StorePool pool, AccountDirectory directory, TimeProvider clock) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            new UserAccounts(lease.Store, clock).Remove(name, Roles.NameOf(context.User));
            directory.Forget();
            return TypedResults.NoContent();
        }).WithSummary("Removes a user and their tokens (never the last admin).");
        users.MapPost("/{name}/tokens", async (string name, HttpContext context, StorePool pool, TimeProvider clock) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            return TypedResults.Ok(new IssuedToken(name, new UserAccounts(lease.Store, clock).IssueToken(name, Roles.NameOf(context.User))));
        }).WithSummary("Issues an API token for a user, shown this once (kept only as its hash).");
    }

    private static UserView View(UserAccount user, TimeProvider clock) => new(user.Name, user.Role, user.LockedUntil > clock.GetUtcNow(), user.CreatedBy, user.CreatedAt);
}
