namespace OrchardCore;

// Source: src/OrchardCore/OrchardCore.Abstractions/OrchardCoreConstants.cs
public static class OrchardCoreConstants
{
    public static class AuthenticationSchemes
    {
        public const string Api = "Api";
    }

    public static class Roles
    {
        public const string Administrator = "Administrator";
        public const string Editor = "Editor";
        public const string Authenticated = "Authenticated";
        public const string Anonymous = "Anonymous";
    }
}
