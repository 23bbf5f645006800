using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.LinkField;

/// <summary>A link: an address a browser may follow safely, its text and target; not indexed.</summary>
public sealed partial class LinkFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "LinkField";
    public IReadOnlyList<string> Members { get; } = ["Url", "Text", "Target"];

    public Task ValidateAsync(FieldValidation field)
    {
        var url = field.RequireText("Url", field.Settings.Get<RequiredFieldSettings>("LinkFieldSettings").Required);
        field.RequireText("Text", required: false);
        if (!string.IsNullOrEmpty(url) && !IsSafeUrl(url))
        {
            field.Fail("Url", "Link.InvalidUrl", ("value", url));
        }
        return Task.CompletedTask;
    }

    private static bool IsSafeUrl(string url)
    {
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel";
    }

    public FieldValueKind? IndexKind => null;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field) => [];
}
