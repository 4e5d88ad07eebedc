using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dyad.Web.Accounts;

/// <summary>
/// A browser's writes carry the antiforgery token the page read from <c>/api/session/antiforgery</c>, so that another
/// site cannot make a signed-in analyst's browser write: every POST, PUT, PATCH and DELETE under <c>/api</c> that
/// a browser's session signs (an API token is never sent by a browser by itself) is refused with 400 without one. The
/// login is checked too, so that no site can sign a browser in as someone else; a write signed by neither is left to
/// authorization, which answers 401.
/// </summary>
internal sealed class AntiforgeryCheck(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var unsafeMethod = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method);
        var signedInByCookie = context.User.Identity?.IsAuthenticated == true && !TokenAuthentication.Carries(context.Request);
        var login = context.Request.Path.Equals(Endpoints.SessionEndpoints.LoginPath, StringComparison.OrdinalIgnoreCase);
        if (unsafeMethod && context.Request.Path.StartsWithSegments("/api") && (signedInByCookie || login))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Antiforgery token missing or invalid",
                    Detail = $"A write from a browser needs the token from GET /api/session/antiforgery in the {Hosting.DyadServer.AntiforgeryHeader} header; API clients sign with a token instead.",
                }, options: null, contentType: "application/problem+json");
                return;
            }
        }

        await next(context);
    }
}
