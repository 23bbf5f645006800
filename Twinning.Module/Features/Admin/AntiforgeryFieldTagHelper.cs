using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Twinning.Module.Features.Admin;

/// <summary><c>&lt;antiforgery-field /&gt;</c> inside a form: the hidden anti-forgery token every admin POST must carry
/// (Razor Pages refuse a POST without it with 400). Written out by hand so each form says it has one.</summary>
[HtmlTargetElement("antiforgery-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AntiforgeryFieldTagHelper(IAntiforgery antiforgery) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var tokens = antiforgery.GetAndStoreTokens(ViewContext.HttpContext);
        output.TagName = "input";
        output.TagMode = TagMode.StartTagOnly;
        output.Attributes.SetAttribute("type", "hidden");
        output.Attributes.SetAttribute("name", tokens.FormFieldName);
        output.Attributes.SetAttribute("value", tokens.RequestToken);
    }
}
