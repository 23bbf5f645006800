using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.Media.Processing;
using Twinning.Module.Features.Media.Uploads;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary><c>media</c>: copies files shipped with the recipe (<c>SourcePath</c>, relative to the recipe) or
/// given inline (<c>Base64</c>) into the media library at <c>TargetPath</c>, once the recipe commits. A source path may
/// go up beside the recipe's folder (<c>../wwwroot/...</c>), as in a module, see <see cref="RecipeFiles"/>. Each file
/// passes the same checks as an upload (<see cref="MediaFileChecker"/>); a refused file fails the recipe.</summary>
public sealed class MediaStep(MediaFileChecker checker) : IRecipeStep
{
    public string Name => "media";

    /// <summary>The library paths the media steps of a recipe name, before any step runs: content of earlier steps
    /// may already use them, as Orchard Core's own recipes do.</summary>
    public static IEnumerable<string> TargetPaths(JsonArray steps)
        => steps.OfType<JsonObject>()
            .Where(s => s["name"] is JsonValue n && n.TryGetValue<string>(out var name) && string.Equals(name, "media", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s["Files"] as JsonArray ?? [])
            .Select(f => f is JsonObject file && file["TargetPath"] is JsonValue v && v.TryGetValue<string>(out var path) ? MediaPaths.Normalize(path) : null)
            .OfType<string>();

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["Files"] is not JsonArray files)
        {
            context.Fail("The media step needs a 'Files' list.", field: "Files");
            return;
        }
        for (var i = 0; i < files.Count; i++)
        {
            var field = $"Files[{i}]";
            var entry = files[i] as JsonObject;
            var target = MediaPaths.Normalize(entry?["TargetPath"]?.GetValue<string>());
            if (entry is null || target is null)
            {
                context.Fail("Each file needs a 'TargetPath' inside the media library.", field: $"{field}.TargetPath");
                continue;
            }
            byte[] content;
            if (entry["Base64"]?.GetValue<string>() is { } base64)
            {
                try
                {
                    content = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    context.Fail($"The Base64 content of '{target}' is not valid Base64.", field: $"{field}.Base64");
                    continue;
                }
            }
            else if (entry["SourcePath"]?.GetValue<string>() is { } source)
            {
                content = await File.ReadAllBytesAsync(RecipeFiles.Resolve(context.BasePath, source));
            }
            else
            {
                context.Fail($"'{target}' needs a 'SourcePath' or 'Base64'.", field: field);
                continue;
            }
            var (file, reason) = await checker.CheckAsync(MediaPaths.FileNameOf(target), new MemoryStream(content));
            if (file is null)
            {
                context.Fail($"'{target}' {reason!.English}.", field: field);
                continue;
            }
            await context.Media.AddAsync(target, file.Content);
        }
    }
}

/// <summary><c>MediaProfiles</c>: adds or replaces named media profiles.</summary>
public sealed class MediaProfilesStep(DocumentStore documents) : IRecipeStep
{
    public string Name => "MediaProfiles";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["MediaProfiles"] is not JsonObject profiles)
        {
            context.Fail("The MediaProfiles step needs a 'MediaProfiles' object keyed by profile name.", field: "MediaProfiles");
            return;
        }
        var document = await documents.LoadAsync<MediaProfilesDocument>(DocumentNames.MediaProfiles);
        foreach (var (name, node) in profiles)
        {
            var field = $"MediaProfiles.{name}";
            var profile = node?.Deserialize<MediaProfile>(DocumentStore.JsonOptions);
            if (profile is null)
            {
                context.Fail($"Profile '{name}' must be an object.", field: field);
                continue;
            }
            if (profile.Width is < 0 or > 8192 || profile.Height is < 0 or > 8192 || (profile.Width == 0 && profile.Height == 0))
            {
                context.Fail($"Profile '{name}' needs a Width or Height from 1 to 8192.", field: $"{field}.Width");
            }
            if (profile.Mode is < 0 or > 6)
            {
                context.Fail($"Profile '{name}': Mode must be 0 to 6.", field: $"{field}.Mode");
            }
            if (profile.Format is < 0 or > 6)
            {
                context.Fail($"Profile '{name}': Format must be 0 to 6.", field: $"{field}.Format");
            }
            if (profile.Quality is < 1 or > 100)
            {
                context.Fail($"Profile '{name}': Quality must be 1 to 100.", field: $"{field}.Quality");
            }
            document.MediaProfiles[name] = profile;
        }
        if (context.Errors.Count == 0)
        {
            await documents.SaveAsync(DocumentNames.MediaProfiles, document);
        }
    }
}
