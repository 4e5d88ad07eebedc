using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dyad.Web.Accounts;

/// <summary>
/// What a browser's session does at its edges: the API answers 401 or 403 (never a redirect a script would follow),
/// pages go to the login page, and a session ends when its user is removed or their password or role changes.
/// </summary>
internal static class SessionEvents
{
    public static CookieAuthenticationEvents Create() => new()
    {
        OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
        OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),
        OnValidatePrincipal = async context =>
        {
            var name = context.Principal?.Identity?.Name;
            var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountDirectory>();
            var user = name is null ? null : await accounts.User(name, context.HttpContext.RequestAborted);
            if (user is null || user.Stamp != context.Principal!.FindFirst(Roles.StampClaim)?.Value)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        },
    };

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
