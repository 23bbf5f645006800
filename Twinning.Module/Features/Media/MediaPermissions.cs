using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Media;

/// <summary>Which of Orchard Core's media permissions a library path asks for. Each editor has a folder of their
/// own, <c>_Users/{userId}</c>; changing it needs <c>ManageOwnMediaContent</c>, another user's needs
/// <c>ManageOthersMediaContent</c>, and every other folder <c>ManageMediaFolder</c>.</summary>
public static class MediaPermissions
{
    public const string UsersFolder = "_Users";

    /// <summary>To change (upload into, create, move, rename, delete) <paramref name="path"/>.</summary>
    public static string ToChange(string path, string? userId)
    {
        var segments = path.Split('/');
        if (segments.Length >= 2 && segments[0] == UsersFolder)
        {
            return userId is not null && segments[1] == userId ? Permissions.ManageOwnMediaContent : Permissions.ManageOthersMediaContent;
        }
        return Permissions.ManageMediaFolder;
    }

    /// <summary>To see <paramref name="path"/>: the library opens with <c>ManageMediaContent</c>; other users'
    /// own folders stay theirs.</summary>
    public static string ToView(string path, string? userId)
        => path.Split('/') is [UsersFolder, _, ..] ? ToChange(path, userId) : Permissions.ManageMediaContent;
}
