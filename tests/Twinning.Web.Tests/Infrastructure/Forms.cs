using System.Net;
using System.Text.RegularExpressions;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Posting the admin's forms as a browser does: the anti-forgery token read from the page the form is on.</summary>
public static partial class Forms
{
    /// <summary>GETs <paramref name="formPage"/> and POSTs <paramref name="fields"/> with its anti-forgery token to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await (await browser.GetAsync(formPage)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = TokenInput().Match(page).Groups[1].Value;
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>As <see cref="SubmitAsync"/>, as multipart/form-data, which carries every character as it is.</summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(this HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await (await browser.GetAsync(formPage)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = TokenInput().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return await browser.PostAsync(action, form);
    }

    /// <summary>Signs in through <c>/account/login</c>.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string userName, string password, string? returnUrl = null)
        => browser.SubmitAsync("/account/login", "/account/login", new()
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? "",
        });

    /// <summary>The text of the page's alert (the sign-in form's error).</summary>
    public static async Task<string> AlertAsync(this HttpResponseMessage response)
        => WebUtility.HtmlDecode(Alert().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex Alert();
}
