using Microsoft.AspNetCore.Http;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Account;

/// <summary>At sign-in, the language of the editor's profile becomes the browser's admin language (the language
/// cookie), so it wins over the browser's own languages and over an earlier use of the language switch; a profile
/// without one leaves the cookie as it is. A stored language the admin no longer speaks counts as none.</summary>
public sealed class ProfileLanguage : IEditorSignedIn
{
    public void SignedIn(HttpContext http, UserRecord user)
    {
        if (AdminCultures.Find(user.Culture) is { } culture)
        {
            AdminCultures.Remember(http.Response, culture);
        }
    }
}
