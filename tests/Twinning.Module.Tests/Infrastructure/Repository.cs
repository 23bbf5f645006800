namespace Twinning.Module.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from: committed examples and fixtures that a test uses as written.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Twinning.Module.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (with Twinning.Module.sln) was not found above the test's folder.");
    }
}
