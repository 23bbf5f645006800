using Twinning.Core.Content;

namespace Twinning.Module.Tests.ContentFields;

/// <summary>The library paths media fields (and media recipe steps) refer to.</summary>
public sealed class MediaPathTests
{
    [Theory]
    [InlineData("images/logo.png", "images/logo.png")]
    [InlineData("/images/logo.png", "images/logo.png")]
    [InlineData("images\\forum\\logo.png", "images/forum/logo.png")]
    [InlineData("\\images\\logo.png", "images/logo.png")]
    [InlineData("images//forum///logo.png", "images/forum/logo.png")]
    [InlineData("images/logo.png/", "images/logo.png")]
    [InlineData("zdjęcia/Połock.jpg", "zdjęcia/Połock.jpg")]
    [InlineData("images/v1.2..final.png", "images/v1.2..final.png")]
    public void PathsAreNormalisedToForwardSlashesWithoutALeadingSlash(string path, string normalized)
    {
        Assert.Equal(normalized, MediaPaths.Normalize(path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("//\\")]
    [InlineData("..")]
    [InlineData("../secret.txt")]
    [InlineData("images/../../secret.txt")]
    [InlineData("images\\..\\..\\secret.txt")]
    [InlineData("./images/logo.png")]
    [InlineData("images/./logo.png")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("images/logo.png:stream")]
    [InlineData("images/logo\u0000.png")]
    [InlineData("images/\nlogo.png")]
    public void PathsThatAreEmptyOrLeaveTheLibraryAreRefused(string? path)
    {
        Assert.Null(MediaPaths.Normalize(path));
    }

    [Fact]
    public void PathsLongerThanTheIndexedLengthAreRefused()
    {
        var longest = "gallery/" + new string('a', MediaPaths.MaxLength - "gallery/".Length - ".jpg".Length) + ".jpg";

        Assert.Equal(longest, MediaPaths.Normalize(longest));
        Assert.Null(MediaPaths.Normalize("a" + longest));
    }

    [Theory]
    [InlineData(null, true, "")]
    [InlineData("", true, "")]
    [InlineData("gallery/", true, "gallery")]
    [InlineData("/gallery/bialystok-2013", true, "gallery/bialystok-2013")]
    [InlineData("../secret", false, "")]
    [InlineData("/", false, "")]
    public void AFolderParameterIsTheRootWhenAbsentAndRefusedWhenItLeavesTheLibrary(string? path, bool valid, string folder)
    {
        Assert.Equal(valid, MediaPaths.TryFolder(path, out var found));
        Assert.Equal(folder, found);
    }
}
