using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Conversion;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.ContentGraph;
using Twinning.Module.Features.ContentParts;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.GraphQL;

/// <summary>
/// Builds the GraphQL schema from the content definitions in Orchard Core's shape: a list field per content type
/// without a stereotype, parts as fields named by Orchard's rule, the type's own part collapsed onto the item,
/// field objects as Orchard's. Twinning's additions sit beside that shape: counts, field-value filters and order,
/// reverse references, locale fallback. Each field and part type gives its own GraphQL type and where-input
/// (<see cref="ContentFieldTypes"/>, <see cref="ContentPartTypes"/>), asked by the type name in the definition; this
/// class is what they see of the schema being built (<see cref="IContentGraph"/>).
/// </summary>
public sealed class ContentSchemaBuilder : IContentGraph
{
    public const string PreviewContent = "PreviewContent";

    private readonly ContentDefinitionDocument _definitions;
    private readonly InterfaceGraphType _contentItem = new() { Name = "ContentItem", Description = "A content item of any type." };
    private readonly Dictionary<string, ObjectGraphType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IGraphType> _shared = new(StringComparer.Ordinal);
    private readonly EnumerationGraphType _status = new() { Name = "PublicationStatus" };
    private readonly EnumerationGraphType _direction = new() { Name = "OrderByDirection" };

    private static readonly (string Name, ContentColumn Column, Type Graph)[] FilterColumns =
    [
        ("contentItemId", ContentColumn.ContentItemId, typeof(StringGraphType)),
        ("contentItemVersionId", ContentColumn.ContentItemVersionId, typeof(StringGraphType)),
        ("displayText", ContentColumn.DisplayText, typeof(StringGraphType)),
        ("createdUtc", ContentColumn.CreatedUtc, typeof(DateTimeGraphType)),
        ("modifiedUtc", ContentColumn.ModifiedUtc, typeof(DateTimeGraphType)),
        ("publishedUtc", ContentColumn.PublishedUtc, typeof(DateTimeGraphType)),
        ("owner", ContentColumn.Owner, typeof(StringGraphType)),
        ("author", ContentColumn.Author, typeof(StringGraphType)),
    ];

    private ContentSchemaBuilder(ContentDefinitionDocument definitions)
    {
        _definitions = definitions;
        _status.Add("PUBLISHED", PublicationStatus.Published, "The published version (default).");
        _status.Add("DRAFT", PublicationStatus.Draft, "The latest version of items whose latest version is not published.");
        _status.Add("LATEST", PublicationStatus.Latest, "The latest version, draft or published.");
        _status.Add("ALL", PublicationStatus.All, "Every version.");
        _direction.Add("ASC", "ASC");
        _direction.Add("DESC", "DESC");
    }

    public static Schema Build(ContentDefinitionDocument definitions) => new ContentSchemaBuilder(definitions).Build();

    private Schema Build()
    {
        AddCommonFields(_contentItem, resolve: false);
        _contentItem.ResolveType = o => o is ContentItem item && _types.TryGetValue(item.ContentType, out var t) ? t : null;
        foreach (var type in _definitions.ContentTypeDefinitionRecords)
        {
            _types[type.Name] = new ObjectGraphType { Name = type.Name, Description = type.DisplayName };
        }
        foreach (var type in _definitions.ContentTypeDefinitionRecords)
        {
            FillType(type, _types[type.Name]);
        }

        var query = new ObjectGraphType { Name = "Query" };
        foreach (var type in _definitions.ContentTypeDefinitionRecords.Where(t => string.IsNullOrEmpty(t.TypeSettings.Stereotype)))
        {
            AddRootFields(query, type);
        }
        query.AddField(new FieldType
        {
            Name = "contentItem",
            Description = "A published content item by id.",
            ResolvedType = _contentItem,
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "contentItemId" }),
            Resolver = new FuncFieldResolver<object?>(context =>
            {
                var request = GraphQLRequestContext.Of(context);
                return request.Loader.Published(context.GetArgument<string>("contentItemId"))
                    .Then(async items => ContentGraphRequest.FirstOf(await request.VisibleAsync(items)));
            }),
        });

        // Names as written: Orchard's AND/OR/NOT, type-named fields; GraphQL.NET would otherwise camelCase them.
        var schema = new Schema { Query = query, NameConverter = DefaultNameConverter.Instance };
        ToolIntrospection.Enable(schema);
        schema.RegisterType(_contentItem);
        foreach (var type in _types.Values)
        {
            schema.RegisterType(type);
        }
        return schema;
    }

    private static string Camel(string name) => ContentFieldCatalog.CamelCase(name);

    public ContentDefinitionDocument Definitions => _definitions;

    public InterfaceGraphType ContentItem => _contentItem;

    public bool InSchema(string contentType) => _types.ContainsKey(contentType);

    // ---- items ----

    private static void AddCommonFields(IComplexGraphType type, bool resolve)
    {
        void Add<TGraph>(string name, Func<ContentItem, object?> value) where TGraph : IGraphType
            => type.AddField(new FieldType
            {
                Name = name,
                Type = typeof(TGraph),
                Resolver = resolve ? new FuncFieldResolver<object?>(c => c.Source is ContentItem i ? value(i) : null) : null,
            });
        Add<NonNullGraphType<StringGraphType>>("contentItemId", i => i.ContentItemId);
        Add<NonNullGraphType<StringGraphType>>("contentItemVersionId", i => i.ContentItemVersionId);
        Add<NonNullGraphType<StringGraphType>>("contentType", i => i.ContentType);
        Add<StringGraphType>("displayText", i => i.DisplayText);
        Add<NonNullGraphType<BooleanGraphType>>("published", i => i.Published);
        Add<NonNullGraphType<BooleanGraphType>>("latest", i => i.Latest);
        Add<DateTimeGraphType>("modifiedUtc", i => i.ModifiedUtc);
        Add<DateTimeGraphType>("publishedUtc", i => i.PublishedUtc);
        Add<DateTimeGraphType>("createdUtc", i => i.CreatedUtc);
        Add<StringGraphType>("owner", i => i.Owner);
        Add<StringGraphType>("author", i => i.Author);
        Add<StringGraphType>("servedCulture", i => ContentGraphParts.Text(i.Part("LocalizationPart")?["Culture"]));
    }

    private void FillType(ContentTypeDefinition type, ObjectGraphType graph)
    {
        var name = type.Name;
        graph.IsTypeOf = o => o is ContentItem item && item.ContentType == name;
        AddCommonFields(graph, resolve: true);
        graph.AddResolvedInterface(_contentItem);
        _contentItem.AddPossibleType(graph);
        var taken = new HashSet<string>(graph.Fields.Select(f => f.Name), StringComparer.Ordinal);
        // The first field of a name wins: a part or field named like a common field does not replace it.
        void Add(IEnumerable<FieldType> fields)
        {
            foreach (var field in fields)
            {
                if (taken.Add(field.Name))
                {
                    graph.AddField(field);
                }
            }
        }

        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var instance = typePart.Name;
            if (instance == type.Name)
            {
                // The type's own part: its fields appear directly on the item (Orchard's collapsing).
                Add((_definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
                    .Select(field => FieldOf(field, c => c.Source is ContentItem i ? (i, i.Part(instance)) : (null, null), this)).OfType<FieldType>());
                continue;
            }
            Add(PartFields(type, typePart));
        }

        // Parts a list or taxonomy welds onto an item show whether or not its type declares them (Orchard's ContainedPart shape).
        foreach (var welded in ContentPartTypes.Welded.Order(StringComparer.Ordinal).Where(p => !type.HasPart(p)))
        {
            Add(ContentPartTypes.GraphQL(welded)?.ItemFields(this, type, welded) ?? []);
        }

        if (string.IsNullOrEmpty(type.TypeSettings.Stereotype) && taken.Add("referencedBy"))
        {
            graph.AddField(new FieldType
            {
                Name = "referencedBy",
                Description = "Published items whose content picker or taxonomy fields refer to this item (Twinning).",
                ResolvedType = new ListGraphType(_contentItem),
                Arguments = new QueryArguments(new QueryArgument<StringGraphType> { Name = "contentType" }),
                Resolver = new FuncFieldResolver<object?>(c =>
                {
                    var request = GraphQLRequestContext.Of(c);
                    var item = (ContentItem)c.Source!;
                    return request.Loader.Referencing(item.ContentItemId, c.GetArgument<string?>("contentType"))
                        .Then(async items => await request.VisibleAsync(items.Where(i => _types.ContainsKey(i.ContentType))));
                }),
            });
        }
    }

    // ---- root fields ----

    private void AddRootFields(ObjectGraphType query, ContentTypeDefinition type)
    {
        var targets = new Dictionary<string, WhereTarget>(StringComparer.Ordinal);
        var where = WhereInput(type, targets);
        var (orderBy, orderKeys) = OrderByInput(type);
        var contentType = type.Name;
        var listField = Camel(type.Name);

        query.AddField(new FieldType
        {
            Name = listField,
            Description = $"{type.DisplayName ?? type.Name} items.",
            ResolvedType = new ListGraphType(_types[type.Name]),
            Arguments = new QueryArguments(
                new QueryArgument(where) { Name = "where" },
                new QueryArgument(orderBy) { Name = "orderBy" },
                new QueryArgument<IntGraphType> { Name = "first" },
                new QueryArgument<IntGraphType> { Name = "skip" },
                new QueryArgument(_status) { Name = "status", DefaultValue = PublicationStatus.Published },
                new QueryArgument<StringGraphType> { Name = "culture", Description = "For each localization set, the version in this culture, else in the site's default culture, else any (Twinning)." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var spec = await SpecAsync(c, contentType, targets);
                spec.Order.AddRange(ContentFilterInput.OrderBy(c, orderKeys));
                spec.Skip = c.GetArgument("skip", 0);
                var queries = c.RequestServices!.GetRequiredService<ContentQuery>();
                try
                {
                    spec.Take = queries.PageSize(c.GetArgument<int?>("first"), "first");
                    if (spec.Skip < 0)
                    {
                        throw new ContentQueryException("skip", "skip must not be negative.");
                    }
                    return await queries.ListAsync(spec, c.CancellationToken);
                }
                catch (ContentQueryException e)
                {
                    throw new ExecutionError(e.Message);
                }
            }),
        });

        query.AddField(new FieldType
        {
            Name = listField + "Count",
            Description = $"How many {type.Name} items match (Twinning).",
            Type = typeof(NonNullGraphType<IntGraphType>),
            Arguments = new QueryArguments(
                new QueryArgument(where) { Name = "where" },
                new QueryArgument(_status) { Name = "status", DefaultValue = PublicationStatus.Published },
                new QueryArgument<StringGraphType> { Name = "culture" }),
            Resolver = new FuncFieldResolver<object?>(async c =>
                await c.RequestServices!.GetRequiredService<ContentQuery>().CountAsync(await SpecAsync(c, contentType, targets), c.CancellationToken)),
        });
    }

    private static async Task<ContentQuerySpec> SpecAsync(IResolveFieldContext c, string contentType, Dictionary<string, WhereTarget> targets)
    {
        var status = c.GetArgument("status", PublicationStatus.Published);
        var spec = new ContentQuerySpec { ContentType = contentType, Status = status };
        switch (await ContentListAccess.LimitAsync(c.RequestServices!.GetRequiredService<IAuthorizationService>(), GraphQLRequestContext.Of(c).User, spec, [contentType]))
        {
            case PreviewContent:
                throw new ExecutionError($"Reading {status.ToString().ToUpperInvariant()} versions of {contentType} items needs the '{PreviewContent}' permission, or '{Permissions.PreviewOwnContent}' for the caller's own items.") { Code = "PERMISSION_DENIED" };
            case { } missing:
                throw new ExecutionError($"Reading {contentType} items needs the '{missing}' permission, or '{Permissions.OwnerVariant(missing)}' for the caller's own items.") { Code = "PERMISSION_DENIED" };
        }
        spec.Filter = ContentFilterInput.Where(c.GetArgument<object?>("where"), targets);
        if (c.GetArgument<string?>("culture") is { Length: > 0 } culture)
        {
            spec.PreferredCulture = culture;
            spec.DefaultCulture = (await c.RequestServices!.GetRequiredService<SiteService>().GetAsync()).LocalizationSettings.DefaultCulture;
        }
        return spec;
    }

    private InputObjectGraphType WhereInput(ContentTypeDefinition type, Dictionary<string, WhereTarget> targets)
    {
        var input = new InputObjectGraphType { Name = type.Name + "WhereInput" };
        foreach (var (name, column, graph) in FilterColumns)
        {
            foreach (var (suffix, op) in ContentFilterInput.Suffixes)
            {
                if (graph != typeof(StringGraphType) && IsTextOperator(op))
                {
                    continue;
                }
                AddInput(input, name + suffix, graph, op);
                targets[name + suffix] = new WhereTarget(column, null, op, graph == typeof(DateTimeGraphType));
            }
        }
        foreach (var field in ContentFieldCatalog.OwnFields(_definitions, type.Name))
        {
            if (ContentFieldTypes.GraphQL(field.FieldType)?.WhereInputType is not { } graph)
            {
                continue;
            }
            foreach (var (suffix, op) in ContentFilterInput.Suffixes)
            {
                var allowed = field.Reference.Kind switch
                {
                    FieldValueKind.Text => true,
                    FieldValueKind.Boolean => op is FilterOperator.Eq or FilterOperator.Not,
                    _ => !IsTextOperator(op),
                };
                if (allowed && !targets.ContainsKey(field.Name + suffix))
                {
                    AddInput(input, field.Name + suffix, graph, op);
                    targets[field.Name + suffix] = new WhereTarget(null, field.Reference, op, graph != typeof(StringGraphType));
                }
            }
        }
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            foreach (var partInput in ContentPartTypes.GraphQL(typePart.PartName)?.WhereFields(this) ?? [])
            {
                if (input.GetField(partInput.Name) is null)
                {
                    input.AddField(partInput);
                }
            }
        }
        var list = new ListGraphType(new GraphQLTypeReference(input.Name));
        input.AddField(new FieldType { Name = "AND", ResolvedType = list });
        input.AddField(new FieldType { Name = "OR", ResolvedType = list });
        input.AddField(new FieldType { Name = "NOT", ResolvedType = list });
        return input;
    }

    private static bool IsTextOperator(FilterOperator op) => op is FilterOperator.Contains or FilterOperator.NotContains
        or FilterOperator.StartsWith or FilterOperator.NotStartsWith or FilterOperator.EndsWith or FilterOperator.NotEndsWith;

    private static void AddInput(InputObjectGraphType input, string name, Type graph, FilterOperator op)
        => input.AddField(new FieldType
        {
            Name = name,
            Type = op is FilterOperator.In or FilterOperator.NotIn ? typeof(ListGraphType<>).MakeGenericType(graph) : graph,
        });

    private (InputObjectGraphType Input, Dictionary<string, WhereTarget> Keys) OrderByInput(ContentTypeDefinition type)
    {
        var input = new InputObjectGraphType { Name = type.Name + "OrderByInput" };
        var keys = new Dictionary<string, WhereTarget>(StringComparer.Ordinal);
        foreach (var (name, column) in ContentColumns.Orderable)
        {
            input.AddField(new FieldType { Name = name, ResolvedType = _direction });
            keys[name] = new WhereTarget(column, null, FilterOperator.Eq, false);
        }
        foreach (var field in ContentFieldCatalog.OwnFields(_definitions, type.Name).Where(f => !keys.ContainsKey(f.Name)))
        {
            input.AddField(new FieldType { Name = field.Name, ResolvedType = _direction });
            keys[field.Name] = new WhereTarget(null, field.Reference, FilterOperator.Eq, false);
        }
        return (input, keys);
    }

    // ---- parts ----

    /// <summary>The fields a part gives an item: a built-in part's from its type (ContentParts/&lt;Part&gt;/), another part's
    /// from the fields its definition declares, as an object named after the part.</summary>
    private IEnumerable<FieldType> PartFields(ContentTypeDefinition type, ContentTypePartDefinition typePart)
    {
        if (ContentPartTypes.GraphQL(typePart.PartName) is { } builtIn)
        {
            return builtIn.ItemFields(this, type, typePart.Name);
        }
        var fields = _definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [];
        if (fields.Count == 0)
        {
            return [];
        }
        return [PartField(typePart.Name, Shared("part:" + typePart.PartName, () =>
        {
            var part = new ObjectGraphType { Name = _types.ContainsKey(typePart.PartName) ? typePart.PartName + "Part" : typePart.PartName };
            foreach (var field in fields)
            {
                if (FieldOf(field, c => c.Source is PartSource p ? (p.Item, p.Part) : (null, null), this) is { } f && part.GetField(f.Name) is null)
                {
                    part.AddField(f);
                }
            }
            return part;
        }))];
    }

    public FieldType PartField(string instance, IGraphType type) => new()
    {
        Name = ContentFieldCatalog.PartFieldName(instance),
        ResolvedType = type,
        Resolver = new FuncFieldResolver<object?>(c => c.Source is ContentItem i && i.Part(instance) is { } p ? new PartSource(i, p) : null),
    };

    public IGraphType Shared(string key, Func<IGraphType> create)
    {
        if (!_shared.TryGetValue(key, out var graph))
        {
            graph = create();
            _shared[key] = graph;
        }
        return graph;
    }

    /// <summary>A list of items with <c>first</c>/<c>skip</c>, only of types the schema knows and the caller may view.</summary>
    public FieldType ItemsField(string name, Func<IResolveFieldContext, IReadOnlyList<ContentItem>> items)
        => ItemsField(name, null, c => Task.FromResult(items(c)), null);

    /// <summary>Keys are asked for when the field resolves and loaded when the level's deferred results are read.</summary>
    public FieldType DeferredItemsField(string name, int? defaultFirst, Func<IResolveFieldContext, Deferred<IReadOnlyList<ContentItem>>> items)
        => ItemsField(name, defaultFirst, null, items);

    public FieldType ItemField(string name, Func<IResolveFieldContext, string?> id) => new()
    {
        Name = name,
        ResolvedType = _contentItem,
        Resolver = new FuncFieldResolver<object?>(c =>
        {
            var request = GraphQLRequestContext.Of(c);
            return id(c) is { } key ? request.Loader.Published(key).Then(async items => ContentGraphRequest.FirstOf(await request.VisibleAsync(items))) : null;
        }),
    };

    private FieldType ItemsField(string name, int? defaultFirst, Func<IResolveFieldContext, Task<IReadOnlyList<ContentItem>>>? items,
        Func<IResolveFieldContext, Deferred<IReadOnlyList<ContentItem>>>? deferred)
    {
        var first = new QueryArgument<IntGraphType> { Name = "first" };
        var skip = new QueryArgument<IntGraphType> { Name = "skip" };
        if (defaultFirst is not null)
        {
            first.DefaultValue = defaultFirst;
            skip.DefaultValue = 0;
        }
        async Task<object?> Page(IResolveFieldContext c, IReadOnlyList<ContentItem> all)
        {
            var queries = c.RequestServices!.GetRequiredService<ContentQuery>();
            int take;
            try
            {
                take = queries.PageSize(c.GetArgument<int?>("first"), "first");
            }
            catch (ContentQueryException e)
            {
                throw new ExecutionError(e.Message);
            }
            var visible = await GraphQLRequestContext.Of(c).VisibleAsync(all.Where(i => _types.ContainsKey(i.ContentType)));
            return visible.Skip(Math.Max(0, c.GetArgument("skip", 0))).Take(take).ToList();
        }
        return new FieldType
        {
            Name = name,
            ResolvedType = new ListGraphType(_contentItem),
            Arguments = new QueryArguments(first, skip),
            Resolver = deferred is not null
                ? new FuncFieldResolver<object?>(c => deferred(c).Then(all => Page(c, all)))
                : new FuncFieldResolver<object?>(async c => await Page(c, await items!(c))),
        };
    }

    // ---- fields ----

    /// <summary>A field on an item or part object, typed by its field type (ContentFields/&lt;Field&gt;/); an unknown type is left out.</summary>
    private static FieldType? FieldOf(ContentPartFieldDefinition field, Func<IResolveFieldContext, (ContentItem? Item, JsonObject? Part)> locate, IContentGraph graph)
    {
        if (ContentFieldTypes.GraphQL(field.FieldName)?.GraphType(graph) is not { } type)
        {
            return null;
        }
        var member = field.Name;
        return new FieldType
        {
            Name = Camel(field.Name),
            Type = type.Type,
            ResolvedType = type.ResolvedType,
            Resolver = new FuncFieldResolver<object?>(c => locate(c) is ({ } item, { } part) && part[member] is JsonObject f ? type.Value(new FieldSource(item, f)) : null),
        };
    }
}
