using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;

namespace Twinning.Module.Features.GraphQL;

/// <summary>Limits of <c>/api/graphql</c> (<c>Twinning:GraphQL</c>). Page sizes (<c>first</c>) follow <c>Twinning:Queries</c>.
/// The size limits are checked on the text of the query before it is validated or run (<see cref="GraphQLDocumentLimits"/>).</summary>
public sealed class GraphQLOptions
{
    public const string Section = "Twinning:GraphQL";

    /// <summary>The deepest nesting of selections a query may have, fragments included (Orchard's documented default).</summary>
    [Range(1, 1000)]
    public int MaxDepth { get; set; } = 20;

    /// <summary>The largest estimated cost: each field counts 1, list children count once per requested item
    /// (<c>first</c>, else 3).</summary>
    [Range(1, 10_000_000)]
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>The most fields a query may select, as written and with every fragment spread expanded.</summary>
    [Range(1, 1_000_000)]
    public int MaxFields { get; set; } = 1000;

    /// <summary>The most fragment spreads (<c>...Name</c>) a query may write.</summary>
    [Range(0, 100_000)]
    public int MaxFragmentSpreads { get; set; } = 100;

    /// <summary>The most aliases (<c>name: field</c>) a query may write: fields sharing a name are compared pairwise
    /// when the query is validated.</summary>
    [Range(0, 100_000)]
    public int MaxAliases { get; set; } = 100;

    /// <summary>How often one response name (a field's name or alias) may occur in one selection set, fragments
    /// included: such fields are compared pairwise when the query is validated.</summary>
    [Range(1, 100_000)]
    public int MaxFieldRepeats { get; set; } = 10;

    /// <summary>The most terms one <c>where</c> argument may have: each condition and each value of an <c>_in</c> list.
    /// Every term becomes part of one SQL statement.</summary>
    [Range(1, 100_000)]
    public int MaxWhereTerms { get; set; } = 100;

    /// <summary>How deeply the objects of one <c>where</c> argument may nest (each <c>AND</c>, <c>OR</c> or <c>NOT</c>
    /// element is one level).</summary>
    [Range(1, 100)]
    public int MaxWhereDepth { get; set; } = 10;

    /// <summary>What a <c>first</c> above <c>Twinning:Queries:MaxPageSize</c> gets: an error when true, the maximum when
    /// false; unset, an error in development and the maximum otherwise (Orchard's <c>MaxNumberOfResultsValidationMode</c>).</summary>
    public bool? RefuseFirstAboveMaximum { get; set; }

    public bool RefusesFirstAboveMaximum(IHostEnvironment environment) => RefuseFirstAboveMaximum ?? environment.IsDevelopment();

    /// <summary>How long one request may run before it is stopped and answered with an error.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(10);
}
