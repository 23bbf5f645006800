using GraphQLParser.AST;

namespace Twinning.Module.Features.GraphQL;

/// <summary>A limit of <see cref="GraphQLOptions"/> a document exceeds: the setting's name and what to tell the caller.</summary>
public sealed record GraphQLLimitExceeded(string Setting, string Message);

/// <summary>
/// Measures a parsed document against <see cref="GraphQLOptions"/> before it is validated or run. Validation and
/// execution expand fragment spreads and compare fields pairwise, so a small document can cost minutes and gigabytes
/// there; here each fragment is measured once and its size reused wherever it is spread, so the work stays
/// proportional to the text. <c>where</c> arguments are measured too, literal or from variables, because each term
/// becomes a piece of one SQL statement.
/// </summary>
public static class GraphQLDocumentLimits
{
    /// <summary>The first limit the document exceeds, or null when it is within all of them.</summary>
    public static GraphQLLimitExceeded? Check(GraphQLDocument document, IReadOnlyDictionary<string, object?>? variables, GraphQLOptions options)
    {
        var written = new Written();
        foreach (var definition in document.Definitions)
        {
            written.Add((definition as IHasSelectionSetNode)?.SelectionSet);
        }
        if (written.Spreads > options.MaxFragmentSpreads)
        {
            return Exceeded(nameof(options.MaxFragmentSpreads), $"The query has {written.Spreads} fragment spreads; at most {options.MaxFragmentSpreads} are allowed");
        }
        if (written.Fields > options.MaxFields)
        {
            return Exceeded(nameof(options.MaxFields), $"The query has {written.Fields} fields; at most {options.MaxFields} are allowed");
        }
        if (written.Aliases > options.MaxAliases)
        {
            return Exceeded(nameof(options.MaxAliases), $"The query has {written.Aliases} aliases; at most {options.MaxAliases} are allowed");
        }

        var expanded = new Expanded(document, options.MaxFields + 1L, options.MaxDepth);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var size = expanded.Measure(operation.SelectionSet);
            if (size.Fields > options.MaxFields)
            {
                return Exceeded(nameof(options.MaxFields), $"With its fragments expanded the query has more than {options.MaxFields} fields; at most {options.MaxFields} are allowed");
            }
            if (size.Depth > options.MaxDepth || expanded.TooDeep)
            {
                return Exceeded(nameof(options.MaxDepth), expanded.TooDeep
                    ? $"The query's depth is more than {options.MaxDepth}; the maximum depth is {options.MaxDepth}"
                    : $"The query's depth is {size.Depth}; the maximum depth is {options.MaxDepth}");
            }
        }
        if (expanded.MostRepeated > options.MaxFieldRepeats)
        {
            return Exceeded(nameof(options.MaxFieldRepeats), $"A selection set asks for one name {expanded.MostRepeated} times (fragments included); at most {options.MaxFieldRepeats} are allowed");
        }

        // A variable not given takes its default, written in the document.
        var defaults = document.Definitions.OfType<GraphQLOperationDefinition>()
            .SelectMany(o => o.Variables?.Items ?? []).Where(v => v.DefaultValue is not null)
            .ToLookup(v => v.Variable.Name.StringValue, v => v.DefaultValue!);
        foreach (var where in written.Wheres)
        {
            var terms = new WhereTerms(variables, defaults, options);
            if (!terms.Visit(where, 0))
            {
                return terms.Depth > options.MaxWhereDepth
                    ? Exceeded(nameof(options.MaxWhereDepth), $"A where argument nests more than {options.MaxWhereDepth} levels of conditions; at most {options.MaxWhereDepth} are allowed")
                    : Exceeded(nameof(options.MaxWhereTerms), $"A where argument has more than {options.MaxWhereTerms} terms (conditions and list values); at most {options.MaxWhereTerms} are allowed");
            }
        }
        return null;
    }

    private static GraphQLLimitExceeded Exceeded(string setting, string message)
        => new(setting, $"{message} ({GraphQLOptions.Section}:{setting}).");

    /// <summary>Counts of the document as written, and its <c>where</c> argument values.</summary>
    private sealed class Written
    {
        public int Fields { get; private set; }
        public int Aliases { get; private set; }
        public int Spreads { get; private set; }
        public List<GraphQLValue> Wheres { get; } = [];

        // Recursion as deep as the nesting of selections, which the parser bounds (ParserOptions.MaxDepth).
        public void Add(GraphQLSelectionSet? set)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field:
                        Fields++;
                        Aliases += field.Alias is null ? 0 : 1;
                        Wheres.AddRange(field.Arguments?.Items.Where(a => a.Name.Value == "where").Select(a => a.Value) ?? []);
                        Add(field.SelectionSet);
                        break;
                    case GraphQLFragmentSpread:
                        Spreads++;
                        break;
                    case GraphQLInlineFragment inline:
                        Add(inline.SelectionSet);
                        break;
                }
            }
        }
    }

    /// <summary>Fields, depth and repeated response names with every spread expanded, each fragment measured once.
    /// Field counts stop growing at <c>cap</c>, so thirty fragments that each spread the previous one twice cannot
    /// overflow the count; nesting is followed no deeper than one level past <c>maxDepth</c>, so fragments that each
    /// nest the previous one deeper cannot exhaust the stack.</summary>
    private sealed class Expanded(GraphQLDocument document, long cap, int maxDepth)
    {
        private int _level;

        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>().GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());

        // A fragment being measured has no entry yet but is in _open: a cycle, which validation refuses by name.
        private readonly Dictionary<string, Size> _sizes = [];
        private readonly HashSet<string> _open = [];

        /// <summary>The most fields of one selection set (its fragments' included) that share a response name: the
        /// validator compares those pairwise, and reports every conflicting pair.</summary>
        public int MostRepeated { get; private set; }

        /// <summary>Whether measuring stopped below <c>maxDepth</c>: the depths found are then lower bounds.</summary>
        public bool TooDeep { get; private set; }

        public Size Measure(GraphQLSelectionSet? set)
        {
            var size = new Size();
            foreach (var selection in set?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var inner = Nested(field.SelectionSet);
                        size.Add(inner.Fields + 1, inner.Depth + 1, cap);
                        size.Count((field.Alias?.Name ?? field.Name).StringValue, 1);
                        break;
                    case GraphQLFragmentSpread spread:
                        size.Add(Fragment(spread.FragmentName.Name.StringValue), cap);
                        break;
                    case GraphQLInlineFragment inline:
                        size.Add(Measure(inline.SelectionSet), cap);
                        break;
                }
            }
            MostRepeated = Math.Max(MostRepeated, size.Names.Count == 0 ? 0 : size.Names.Values.Max());
            return size;
        }

        private Size Nested(GraphQLSelectionSet? set)
        {
            if (set is null)
            {
                return new Size();
            }
            if (_level > maxDepth)
            {
                TooDeep = true;
                return new Size();
            }
            _level++;
            var size = Measure(set);
            _level--;
            return size;
        }

        private Size Fragment(string name)
        {
            if (_sizes.TryGetValue(name, out var size))
            {
                return size;
            }
            if (!_fragments.TryGetValue(name, out var fragment) || !_open.Add(name))
            {
                return new Size();
            }
            size = Measure(fragment.SelectionSet);
            _open.Remove(name);
            _sizes[name] = size;
            return size;
        }
    }

    /// <summary>What a selection set stands for once expanded: its fields, its depth and how often each response name
    /// occurs at its top level.</summary>
    private sealed class Size
    {
        public long Fields { get; private set; }
        public int Depth { get; private set; }
        public Dictionary<string, int> Names { get; } = [];

        public void Add(long fields, int depth, long cap)
        {
            Fields = Math.Min(cap, Fields + fields);
            Depth = Math.Max(Depth, depth);
        }

        public void Add(Size other, long cap)
        {
            Add(other.Fields, other.Depth, cap);
            foreach (var (name, count) in other.Names)
            {
                Count(name, count);
            }
        }

        // Saturating, like the field count: a name spread 2^30 times is simply far too often.
        public void Count(string name, int count)
            => Names[name] = (int)Math.Min(int.MaxValue, (long)Names.GetValueOrDefault(name) + count);
    }

    /// <summary>The terms of one <c>where</c> value: every scalar, so an <c>_in</c> list counts each of its values; and
    /// how deeply its objects nest. Stops at the first limit passed, so an oversized value costs no more than the limit.</summary>
    private sealed class WhereTerms(IReadOnlyDictionary<string, object?>? variables, ILookup<string, GraphQLValue> defaults, GraphQLOptions options)
    {
        private int _terms;

        public int Depth { get; private set; }

        public bool Visit(GraphQLValue value, int depth) => value switch
        {
            GraphQLObjectValue o => Enter(depth) && (o.Fields ?? []).All(f => Visit(f.Value, depth + 1)),
            GraphQLListValue l => (l.Values ?? []).All(v => Visit(v, depth)),
            GraphQLVariable v => variables is not null && variables.TryGetValue(v.Name.StringValue, out var given)
                ? Visit(given, depth)
                : defaults[v.Name.StringValue].All(d => Visit(d, depth)),
            _ => Term(),
        };

        private bool Visit(object? value, int depth) => value switch
        {
            IDictionary<string, object?> o => Enter(depth) && o.Values.All(v => Visit(v, depth + 1)),
            string or null => Term(),
            System.Collections.IEnumerable l => l.Cast<object?>().All(v => Visit(v, depth)),
            _ => Term(),
        };

        private bool Enter(int depth)
        {
            Depth = Math.Max(Depth, depth + 1);
            return Depth <= options.MaxWhereDepth;
        }

        private bool Term() => ++_terms <= options.MaxWhereTerms;
    }
}
