namespace Twinning.Module.Features.Storage;

public static class DocumentNames
{
    public const string ContentDefinitions = "ContentDefinitions";
    public const string Site = "Site";
    public const string Roles = "Roles";
    public const string MediaProfiles = "MediaProfiles";
    public const string MediaToken = "MediaToken";
    public const string Setup = "Setup";
    public const string DataTranslations = "DataTranslations";
}
