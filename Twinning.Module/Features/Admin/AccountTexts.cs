using Microsoft.Extensions.Localization;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin;

/// <summary>An <see cref="AccountProblem"/> in the editor's language (<c>Accounts.{Code}</c>).</summary>
public static class AccountTexts
{
    public static string Of(IStringLocalizer<AdminText> t, AccountProblem problem)
        => t.Text("Accounts." + problem.Code, problem.Argument ?? "");
}
