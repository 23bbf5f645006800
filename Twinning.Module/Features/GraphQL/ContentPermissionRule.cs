using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.GraphQL;

/// <summary>
/// Orchard's permission check on a type's list field, before anything runs: a caller that may not view the type's
/// items (<c>ViewContent</c>, or <c>ViewOwnContent</c> for its own) gets a validation error numbered
/// <see cref="ErrorNumber"/> and no data, and the endpoint answers 401. Runs for every request, kept documents too,
/// since the answer depends on the caller.
/// </summary>
public sealed class ContentPermissionRule : IValidationRule
{
    /// <summary>The metadata key on a root field that names the content type it lists.</summary>
    public const string ContentTypeKey = "Twinning.ContentType";

    /// <summary>Orchard's number of a permission error (<c>extensions.number</c>).</summary>
    public const string ErrorNumber = "Unauthorized";

    public static readonly ContentPermissionRule Instance = new();

    /// <summary>What a caller lacking <paramref name="missing"/> for the type is told.</summary>
    public static string Message(string contentType, string missing)
        => $"Reading {contentType} items needs the '{missing}' permission, or '{Permissions.OwnerVariant(missing)}' for the caller's own items.";

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new Visitor());

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;

    private sealed class Visitor : INodeVisitor
    {
        private readonly Dictionary<string, string?> _missing = new(StringComparer.Ordinal);

        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (node is not GraphQLField field || context.TypeInfo.GetFieldDef()?.GetMetadata<string?>(ContentTypeKey) is not { } contentType)
            {
                return;
            }
            if (!_missing.TryGetValue(contentType, out var missing))
            {
                var spec = new ContentQuerySpec { ContentType = contentType };
                missing = await ContentListAccess.LimitAsync(context.RequestServices!.GetRequiredService<IAuthorizationService>(), context.User!, spec, [contentType]);
                _missing[contentType] = missing;
            }
            if (missing is not null)
            {
                context.ReportError(new ValidationError(context.Document.Source, ErrorNumber, Message(contentType, missing), field));
            }
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
    }
}
