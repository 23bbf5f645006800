using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Authentication;

/// <summary>
/// ASP.NET Core's rate limiter on password guessing: posts of the sign-in and change-password forms, and token
/// requests, each counted per client address in a fixed window (<see cref="AccountOptions"/>). The address is the
/// connection's, as the forwarded-headers step left it: a configured proxy's <c>X-Forwarded-For</c> counts, anyone
/// else's does not (<see cref="Hosting.HostingServiceCollectionExtensions"/>). Refusals answer 429 with
/// <c>Retry-After</c> and are logged.
/// </summary>
public static class SignInRateLimits
{
    public const string SignInPolicy = "sign-in";
    public const string TokenPolicy = "token";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountOptions>>((limiter, accounts) =>
        {
            var window = accounts.Value.RateLimitWindow;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? PerAddress(context, SignInPolicy, accounts.Value.SignInPermitLimit, window)
                : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(TokenPolicy, context => PerAddress(context, TokenPolicy, accounts.Value.TokenPermitLimit, window));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, int permits, TimeSpan window)
        => RateLimitPartition.GetFixedWindowLimiter(policy + "|" + Address(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimits))
            .LogWarning("Rate limit reached: refused {Method} {Path} from {Address} for {Seconds} s.", http.Request.Method, http.Request.Path, Address(http), seconds);
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Too many attempts from this address; try again in {seconds} seconds.").ExecuteAsync(http);
    }
}
