using Dyad.Store.Accounts;
using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>A name and password, to sign in.</summary>
public sealed record Login(string Name, string Password);

/// <summary>A user's own new password, with the current one.</summary>
public sealed record PasswordChange(string Current, string New);

/// <summary>Who is signed in.</summary>
public sealed record SessionView(string Name, UserRole Role);

/// <summary>The token a browser sends with its writes.</summary>
public sealed record AntiforgeryView(string Token, string Header);

/// <summary>Signing in and out of the dashboard, with a cookie; API clients use tokens instead.</summary>
internal static class SessionEndpoints
{
    public const string LoginPath = "/api/session";

    /// <summary>The rate limit logins are counted under: per address, whoever they try to be.</summary>
    public const string LoginLimit = "login";

    public static void Map(RouteGroupBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("Session");
        session.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new AntiforgeryView(tokens.RequestToken!, DyadServer.AntiforgeryHeader));
        }).AllowAnonymous().WithSummary("The antiforgery token a browser sends with its writes (and its login).");

        session.MapPost("", SignIn).AllowAnonymous().RequireRateLimiting(LoginLimit)
            .WithSummary("Signs in with a name and password; the answer sets the session cookie. Failed attempts in a row lock the user out for a while.");
        session.MapGet("", (HttpContext context) => TypedResults.Ok(new SessionView(Roles.NameOf(context.User), Roles.RoleOf(context.User))))
            .WithSummary("Who is signed in.");
        session.MapDelete("", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).WithSummary("Signs out.");
        session.MapPost("/password", async (PasswordChange change, HttpContext context, StorePool pool, ServerOptions options, AccountDirectory directory, TimeProvider clock) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var accounts = new UserAccounts(lease.Store, clock);
            var name = Roles.NameOf(context.User);
            if (accounts.SignIn(name, change.Current, options.LockoutAttempts, options.LockoutDuration).Outcome != LoginOutcome.SignedIn)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong password", detail: "The current password is not right.");
            }

            accounts.SetPassword(name, change.New, name);
            directory.Forget();
            // The password's change ends every session of the user, this one included: sign this browser in again.
            var user = lease.Store.FindUser(name)!;
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Roles.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.NoContent();
        }).WithSummary("Changes the signed-in user's own password (at least 12 characters).");
    }

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> SignIn(Login login, HttpContext context, StorePool pool, ServerOptions options, TimeProvider clock)
    {
        using var lease = await pool.Rent(context.RequestAborted);
        var (outcome, user) = new UserAccounts(lease.Store, clock).SignIn(login.Name ?? "", login.Password ?? "", options.LockoutAttempts, options.LockoutDuration);
        switch (outcome)
        {
            case LoginOutcome.SignedIn:
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Roles.Principal(user!, CookieAuthenticationDefaults.AuthenticationScheme));
                return TypedResults.Ok(new SessionView(user!.Name, user.Role));
            case LoginOutcome.LockedOut:
                return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Locked out",
                    detail: $"Too many failed logins: try again after {options.LockoutDuration.TotalMinutes:0} minutes, or ask an admin.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong name or password");
        }
    }
}
