using System.Security.Claims;
using OrchardCore.Security.Permissions;

namespace Microsoft.AspNetCore.Authorization;

// Source: src/OrchardCore/OrchardCore.Infrastructure.Abstractions/Security/AuthorizationServiceExtensions.cs
// (Orchard declares this class in ASP.NET Core's namespace, next to ASP.NET Core's own class of the same name.)
public static class AuthorizationServiceExtensions
{
    public static Task<bool> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, Permission permission, object resource)
        => throw new NotSupportedException();
}
