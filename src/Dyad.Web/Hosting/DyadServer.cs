using System.Threading.RateLimiting;
using Dyad.App.Hosting;
using Dyad.App.Views;
using Dyad.Web.Accounts;
using Dyad.Web.Attribution;
using Dyad.Web.Endpoints;
using Dyad.Web.Imports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dyad.Web.Hosting;

/// <summary>
/// Builds Dyad's server: the HTTP API under <c>/api</c>, its OpenAPI document at <c>/openapi/v1.json</c>, and the
/// dashboard's static pages, over one pool of store connections and the application layer's services.
/// </summary>
public static class DyadServer
{
    /// <summary>The cookie a signed-in browser carries.</summary>
    public const string SessionCookie = "dyad.session";

    /// <summary>The header a browser sends its antiforgery token in, with every write.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <param name="configure">Lets a test change the builder (an in-memory server instead of Kestrel) before the app is built.</param>
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.Verbose)
        {
            builder.Logging.AddFilter("Dyad", LogLevel.Information);
        }

        // The keys are kept unencrypted in a folder only the server's user may read (there is no key store on Linux to encrypt them with).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddDyad(dyad => dyad.Registry = options.Registry);
        services.AddSingleton(provider => new StorePool(options.Db, options.Connections, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QueryCache>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<AttributionCache>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<ImportJobs>());

        services.ConfigureHttpJsonOptions(json =>
        {
            var dyad = DyadJson.Options;
            json.SerializerOptions.PropertyNamingPolicy = dyad.PropertyNamingPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = dyad.DefaultIgnoreCondition;
            json.SerializerOptions.Encoder = dyad.Encoder;
            foreach (var converter in dyad.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        // A body or parameter that cannot be read reaches the exception handler, which says what was wrong with it.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<DyadExceptionHandler>();
        services.AddOpenApi();
        services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new() { Timeout = options.RequestTimeout, TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable });

        services.AddDataProtection().SetApplicationName("dyad").PersistKeysToFileSystem(KeyFolder(options));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryHeader;
            antiforgery.Cookie.Name = "dyad.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(auth => auth.DefaultScheme = "dyad")
            .AddPolicyScheme("dyad", "token or session", policy =>
                policy.ForwardDefaultSelector = context => TokenAuthentication.Carries(context.Request) ? TokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login.html";
                cookie.Events = SessionEvents.Create();
            });
        services.AddAuthorization(Roles.AddPolicies);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(Caller(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            limiter.AddPolicy(SessionEndpoints.LoginLimit, context =>
                RateLimitPartition.GetFixedWindowLimiter("login:" + context.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.LoginsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        configure?.Invoke(builder);
        var app = builder.Build();
        var requests = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLog.Category);
        app.Use((context, next) => RequestLog.Write(requests, context, next));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseMiddleware<AntiforgeryCheck>();
        app.UseAuthorization();
        app.Use(ForgetAnswersAfterWrites);

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api");
        SessionEndpoints.Map(api);
        EventEndpoints.Map(api);
        ReferenceEndpoints.Map(api);
        RivalryEndpoints.Map(api);
        ForecastEndpoints.Map(api);
        AttributionEndpoints.Map(api);
        RecordEndpoints.Map(api);
        ImportEndpoints.Map(api);
        UserEndpoints.Map(api);
        return app;
    }

    /// <summary>
    /// On the first start of a store with no user: adds the admin and returns its password, to be shown this once.
    /// Null when the store has users.
    /// </summary>
    public static async Task<string?> AddFirstAdminIfNone(WebApplication app, CancellationToken cancellationToken)
    {
        using var lease = await app.Services.GetRequiredService<StorePool>().Rent(cancellationToken);
        return new UserAccounts(lease.Store, app.Services.GetRequiredService<TimeProvider>()).AddFirstAdminIfNone("dyad serve");
    }

    /// <summary>Where the server keeps its cookie keys: the option, else beside a DuckDB store, else the user's data folder.</summary>
    public static string StateFolder(ServerOptions options) =>
        options.StateFolder
        ?? (Store.EventStores.IsPostgres(options.Db)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dyad", "server")
            : Path.GetFullPath(options.Db) + ".server");

    /// <summary>The folder of the keys that sign the session cookies: made readable by the server's user alone.</summary>
    private static DirectoryInfo KeyFolder(ServerOptions options)
    {
        var folder = Directory.CreateDirectory(Path.Combine(StateFolder(options), "keys"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }

    /// <summary>A write through the server may change any answer: the cached ones are forgotten once it is done.</summary>
    private static async Task ForgetAnswersAfterWrites(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && context.Response.StatusCode < 400)
        {
            context.RequestServices.GetRequiredService<QueryCache>().Forget();
        }
    }

    /// <summary>Who a request counts against: its user (or token's user) when signed in, else its address.</summary>
    private static string Caller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name : "address:" + context.Connection.RemoteIpAddress;

    /// <summary>
    /// Every page and answer says it may run only Dyad's own scripts and styles, never be framed, and never be
    /// sniffed as another type: the dashboard loads nothing from anywhere else.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
