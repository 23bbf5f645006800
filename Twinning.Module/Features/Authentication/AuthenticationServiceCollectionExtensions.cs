using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Authentication;

/// <summary>Scheme and policy names of Twinning's authentication.</summary>
public static class TwinningAuthentication
{
    /// <summary>Editors' sign-in cookie.</summary>
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The API's scheme: the bearer token when an Authorization header is sent, else the cookie.</summary>
    public const string ApiScheme = "Api";

    /// <summary>OpenIddict's token validation (bearer access tokens).</summary>
    public const string BearerScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public const string CorsPolicy = "TwinningApi";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);
}

public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>API clients (OpenIddict server and validation in this host, client credentials flow), editors'
    /// cookie sign-in, the "Api" scheme that accepts either, anti-forgery and CORS for /api.</summary>
    public static IServiceCollection AddTwinningAuthentication(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddOptions<ApiCorsOptions>().BindConfiguration(ApiCorsOptions.Section);

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<TwinningDbContext>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token");
                options.AllowClientCredentialsFlow();
                // Plain signed JWTs, as Orchard's "AccessTokenFormat: JWT": front ends may read them.
                options.DisableAccessTokenEncryption();
                options.SetAccessTokenLifetime(TwinningAuthentication.AccessTokenLifetime);
                // Self-contained JWTs are checked by signature alone; storing one row per token would only grow the table.
                options.DisableTokenStorage();
                options.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                options.AddEventHandler(RevokedClientTokens.Descriptor);
            });
        services.TryAddSingleton<IApiKeyGenerator, ApiKeyGenerator>();
        services.AddSingleton<ApiSigningKeys>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureServerKeys>();
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<ApiOptions>>((server, api) =>
        {
            if (api.Value.Issuer is { } issuer)
            {
                server.Issuer = issuer;
            }
        });
        services.AddOptions<OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreOptions>().Configure<IOptions<ApiOptions>>((server, api) =>
            server.DisableTransportSecurityRequirement = !api.Value.RequireHttps);
        services.AddSingleton<ApiInitializer>();
        services.AddScoped<ApiClientService>();
        services.AddScoped<EditorSignIn>();

        services.AddDataProtection().SetApplicationName("Twinning");
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section)
            // A certificate that cannot be read stops start-up rather than the first sign-in.
            .Validate(o => { using var certificate = o.LoadCertificate(); return true; })
            .ValidateOnStart();
        services.AddSingleton<KeyRingCertificate>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
            {
                options.XmlRepository = new DataProtectionKeyStore(provider.GetRequiredService<IServiceScopeFactory>());
                if (provider.GetRequiredService<KeyRingCertificate>().Certificate is { } certificate)
                {
                    options.XmlEncryptor = new KeyRingEncryptor(certificate, provider.GetRequiredService<ILoggerFactory>());
                }
            }));

        services.AddAuthentication(TwinningAuthentication.ApiScheme)
            .AddCookie(TwinningAuthentication.CookieScheme, options =>
            {
                options.Cookie.Name = ".Twinning.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // API callers get status codes, not the sign-in page.
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = EditorSignIn.ValidateAsync;
            })
            .AddCookie(EditorSignIn.TwoFactorScheme, options =>
            {
                options.Cookie.Name = ".Twinning.TwoFactor";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                options.SlidingExpiration = false;
            })
            .AddPolicyScheme(TwinningAuthentication.ApiScheme, "Bearer token or editor cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? TwinningAuthentication.BearerScheme
                        : TwinningAuthentication.CookieScheme);
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, OpenIdServerRequests>());
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Twinning.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddSignInRateLimits();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<ApiCorsOptions>>((cors, api) =>
            cors.AddPolicy(TwinningAuthentication.CorsPolicy, policy => policy
                .WithOrigins([.. api.Value.AllowedOrigins])
                .WithMethods("GET", "POST", "DELETE", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "If-None-Match")
                .WithExposedHeaders("ETag")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>In order: first-request initialization (token keys, configured clients), CORS on /api, the rate limits
    /// (before the token endpoint's OpenID handling checks a client secret), the token endpoint, authentication, the
    /// temporary-password gate, authorization, anti-forgery.</summary>
    public static IApplicationBuilder UseTwinningAuthentication(this IApplicationBuilder app)
    {
        var initializer = app.ApplicationServices.GetRequiredService<ApiInitializer>();
        app.Use(async (context, next) =>
        {
            await initializer.EnsureAsync();
            await next(context);
        });
        if (app.ApplicationServices.GetRequiredService<IOptions<ApiCorsOptions>>().Value.AllowedOrigins.Count > 0)
        {
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
            {
                // An answer's Access-Control-Allow-Origin depends on the Origin asked from, and a request without one
                // gets none: a shared cache must key every answer on Origin, or one origin's answer reaches another.
                api.Use((context, next) =>
                {
                    context.Response.OnStarting(() =>
                    {
                        if (!context.Response.Headers.Vary.Any(v => v?.Contains(Microsoft.Net.Http.Headers.HeaderNames.Origin, StringComparison.OrdinalIgnoreCase) == true))
                        {
                            context.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.Origin);
                        }
                        return Task.CompletedTask;
                    });
                    return next(context);
                });
                api.UseCors(TwinningAuthentication.CorsPolicy);
            });
        }
        app.UseRateLimiter();
        OpenIdServerRequests.UseOpenIdServerRequests(app);
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary><c>POST /connect/token</c>. The editors' <c>/account/login</c> and <c>/account/logout</c> are admin pages
    /// (<c>Features/Admin/Account</c>).</summary>
    public static IEndpointRouteBuilder MapTwinningAuthentication(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/connect/token", TokenEndpoint.ExchangeAsync)
            .WithTags("Authentication")
            .WithName("Token")
            .WithSummary("An access token for an API client (OAuth 2.0 client credentials grant).")
            .AddOpenApiOperationTransformer(TokenEndpoint.DescribeAsync)
            .Produces<TokenEndpoint.TokenAnswer>(StatusCodes.Status200OK)
            .Produces<TokenEndpoint.TokenError>(StatusCodes.Status400BadRequest)
            .Produces<TokenEndpoint.TokenError>(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery()
            .RequireRateLimiting(SignInRateLimits.TokenPolicy);
        return routes;
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }
        return Task.CompletedTask;
    }
}
