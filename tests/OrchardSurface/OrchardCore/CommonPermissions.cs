using OrchardCore.Security.Permissions;

namespace OrchardCore.Contents;

// Source: src/OrchardCore/OrchardCore.Contents.Core/CommonPermissions.cs
public static class CommonPermissions
{
    public static readonly Permission ViewContent;
}
