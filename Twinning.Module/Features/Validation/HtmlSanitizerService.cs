using Ganss.Xss;

namespace Twinning.Module.Features.Validation;

/// <summary>Removes scripts, event handlers and unsafe URLs from HTML that editors and API clients store,
/// so every reader of the content API gets markup that is safe to render as is.</summary>
public sealed class HtmlSanitizerService
{
    private readonly HtmlSanitizer _sanitizer = new();

    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}
