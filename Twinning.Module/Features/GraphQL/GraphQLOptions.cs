using System.ComponentModel.DataAnnotations;

namespace Twinning.Module.Features.GraphQL;

/// <summary>Limits of <c>/api/graphql</c> (<c>Twinning:GraphQL</c>). Page sizes (<c>first</c>) follow <c>Twinning:Queries</c>.</summary>
public sealed class GraphQLOptions
{
    public const string Section = "Twinning:GraphQL";

    /// <summary>The deepest nesting of selections a query may have (Orchard's documented default).</summary>
    [Range(1, 1000)]
    public int MaxDepth { get; set; } = 20;

    /// <summary>The largest estimated cost: each field counts 1, list children count once per requested item
    /// (<c>first</c>, else 3).</summary>
    [Range(1, 10_000_000)]
    public int MaxComplexity { get; set; } = 5000;
}
