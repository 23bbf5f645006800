using System.Text.Json.Nodes;

namespace Twinning.Module.Features.ContentParts;

/// <summary>How parts read what they give the index row.</summary>
internal static class PartIndex
{
    /// <summary>A non-empty string member, or null.</summary>
    public static string? Text(JsonObject? part, string member)
        => part?[member] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
