using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Password hashing, users and the permission checks.</summary>
    public static IServiceCollection AddTwinningSecurity(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        services.AddScoped<UserService>();
        services.AddScoped<PermissionService>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        return services;
    }
}
