namespace Twinning.Core.Content;

/// <summary>What content validation needs to know about the media library: whether a file is there. A file a
/// recipe imports counts once its media step has run, although it is written only when the recipe commits.</summary>
public interface IMediaLookup
{
    Task<bool> FileExistsAsync(string libraryPath);
}
