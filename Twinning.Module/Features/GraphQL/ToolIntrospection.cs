using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQL.Validation.Complexity;

namespace Twinning.Module.Features.GraphQL;

/// <summary>
/// The introspection fields that graphql-js 16 tools (GraphiQL, GraphQL Code Generator, Apollo) ask for:
/// <c>isRepeatable</c> on directives, <c>includeDeprecated</c>, <c>isDeprecated</c> and <c>deprecationReason</c> on
/// arguments and input fields, and <c>specifiedByURL</c> on types. GraphQL.NET 8 has most of them as opt-in features
/// and lacks the rest, added here; without them such a tool's first query fails validation and it shows
/// no schema at all.
/// </summary>
internal static class ToolIntrospection
{
    public static void Enable(Schema schema)
    {
        schema.Features.RepeatableDirectives = true;
        schema.Features.DeprecationOfInputValues = true;
        schema.RegisterVisitor(new ToolFields());
    }

    private static readonly HashSet<string> TypeLists = ["fields", "inputFields", "interfaces", "possibleTypes", "enumValues"];

    /// <summary>
    /// The complexity of an introspection field. GraphQL.NET counts introspection lists at the schema's real sizes,
    /// so the standard query alone would cost several times the limit on the sample site; here each list counts as one
    /// item, as the standard query reads each type of a finite schema once. A type's list inside another type's list
    /// (<c>fields { type { fields } }</c>) counts as many items as the schema has types, so that walking the schema's
    /// cycles is still refused by the complexity limit.
    /// </summary>
    private static FieldComplexityResult Impact(FieldImpactContext context)
        => new(1, IsTypeList(context) && Ancestors(context).Any(IsTypeList) ? context.ValidationContext.Schema.AllTypes.Count : 1);

    private static bool IsTypeList(FieldImpactContext context)
        => TypeLists.Contains(context.FieldDefinition.Name)
            && context.FieldDefinition.ResolvedType?.GetNamedType().Name.StartsWith("__", StringComparison.Ordinal) == true;

    private static IEnumerable<FieldImpactContext> Ancestors(FieldImpactContext context)
    {
        // The root field's parent is an empty context, without a field.
        for (var parent = context.Parent; parent is { FieldDefinition: not null } p; parent = p.Parent)
        {
            yield return p;
        }
    }

    /// <summary>Gives the introspection types' fields the complexity of <see cref="Impact"/>, adds <c>specifiedByURL</c> to <c>__Type</c> (always null: no scalar of the content schema points to a
    /// specification) and <c>includeDeprecated</c> to <c>__Directive.args</c> (no directive argument is deprecated, so
    /// the answer is the same either way). Types are resolved when visitors run, hence the schema's own scalars.</summary>
    private sealed class ToolFields : BaseSchemaNodeVisitor
    {
        public override void VisitObject(IObjectGraphType type, ISchema schema)
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                foreach (var field in type.Fields)
                {
                    field.WithComplexityImpact(Impact);
                }
            }
            if (type.Name == "__Type" && !type.HasField("specifiedByURL"))
            {
                type.AddField(new FieldType
                {
                    Name = "specifiedByURL",
                    Description = "The address of the specification of a custom scalar's format.",
                    ResolvedType = schema.AllTypes["String"],
                    Resolver = new FuncFieldResolver<string?>(_ => null),
                });
            }
            if (type.Name == "__Directive" && type.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
            {
                args.Arguments ??= new QueryArguments();
                args.Arguments.Add(new QueryArgument(schema.AllTypes["Boolean"]!) { Name = "includeDeprecated", DefaultValue = false });
            }
        }
    }
}
