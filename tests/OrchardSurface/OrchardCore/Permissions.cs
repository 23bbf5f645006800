using Microsoft.Extensions.DependencyInjection;

namespace OrchardCore.Security.Permissions;

// Source: src/OrchardCore/OrchardCore.Infrastructure.Abstractions/Security/Permissions/Permission.cs
public class Permission
{
    public Permission(string name, string description, bool isSecurityCritical = false) => throw new NotSupportedException();

    public string Name => throw new NotSupportedException();
}

// Source: src/OrchardCore/OrchardCore.Infrastructure.Abstractions/Security/Permissions/PermissionStereotype.cs
public class PermissionStereotype
{
    public string Name { get; set; }
    public IEnumerable<Permission> Permissions { get; set; }
}

// Source: src/OrchardCore/OrchardCore.Infrastructure.Abstractions/Security/Permissions/IPermissionProvider.cs
public interface IPermissionProvider
{
    Task<IEnumerable<Permission>> GetPermissionsAsync();

    IEnumerable<PermissionStereotype> GetDefaultStereotypes();
}

// Source: src/OrchardCore/OrchardCore.Infrastructure.Abstractions/Security/Permissions/PermissionsServiceCollectionExtensions.cs
public static class PermissionsServiceCollectionExtensions
{
    public static IServiceCollection AddPermissionProvider<TProvider>(this IServiceCollection services)
        where TProvider : class, IPermissionProvider
        => throw new NotSupportedException();
}
