using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Twinning.Module.Features.Authentication;

/// <summary>
/// Refuses an access token whose API client no longer exists. The tokens are self-contained JWTs and no token rows are
/// stored, so their signature alone would keep a revoked client's token working until it expires; this asks
/// OpenIddict's application store (cached by OpenIddict, cleared when a client is deleted) on each bearer request.
/// The client is the token's <c>sub</c>, as <see cref="TokenEndpoint"/> writes it.
/// </summary>
public sealed class RevokedClientTokens(IOpenIddictApplicationManager applications) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseScopedHandler<RevokedClientTokens>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateExpirationDate.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal?.GetClaim(Claims.Subject) is not { Length: > 0 } clientId
            || await applications.FindByClientIdAsync(clientId, context.CancellationToken) is null)
        {
            context.Reject(error: Errors.InvalidToken, description: "The API client of this token has been revoked.");
        }
    }
}
