using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dyad.Web.Accounts;

/// <summary>Signs in a request that carries <c>Authorization: Bearer dyad_…</c>, an API token issued with <c>dyad users token</c>.</summary>
public sealed class TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountDirectory accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "dyad-token";

    /// <summary>Whether a request says it is signed in with a token (and so is judged by this handler, not by its cookies).</summary>
    public static bool Carries(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (!token.StartsWith(UserAccounts.TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return AuthenticateResult.Fail("not a Dyad API token");
        }

        var user = await accounts.UserOfToken(token, Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("an unknown or revoked token")
            : AuthenticateResult.Success(new AuthenticationTicket(Roles.Principal(user, SchemeName), SchemeName));
    }
}
