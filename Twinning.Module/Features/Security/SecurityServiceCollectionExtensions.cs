using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Password hashing, users (with the <c>Twinning:Accounts</c> lockout settings) and the permission checks.</summary>
    public static IServiceCollection AddTwinningSecurity(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section)
            .Validate(o => o.MaxFailedAccessAttempts > 0 && o.LockoutDuration > TimeSpan.Zero && o.SignInPermitLimit > 0 && o.TokenPermitLimit > 0 && o.RateLimitWindow > TimeSpan.Zero,
                $"{AccountOptions.Section}: the attempts, limits and durations must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        services.AddScoped<UserService>();
        services.AddSingleton<UserReads>();
        services.AddScoped<PermissionService>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        return services;
    }
}
