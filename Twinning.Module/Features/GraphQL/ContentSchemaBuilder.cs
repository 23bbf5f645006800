using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Conversion;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        ("contentItemId", ContentColumn.ContentItemId, typeof(IdGraphType)),
        ("contentItemVersionId", ContentColumn.ContentItemVersionId, typeof(IdGraphType)),
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
        // Names compared ignoring case, as Orchard does: a client may not find two fields that differ only in case.
        var taken = new HashSet<string>(graph.Fields.Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
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

        foreach (var typePart in type.ContentTypePartDefinitionRecords.Where(p => !PartSettings.Hidden(p)))
        {
            var instance = typePart.Name;
            var collapsed = PartSettings.Collapsed(type, typePart);
            if (ContentPartTypes.GraphQL(typePart.PartName) is { } builtIn)
            {
                var fields = builtIn.ItemFields(this, type, instance);
                Add(collapsed ? fields.SelectMany(RolledUp) : fields);
            }
            else if (collapsed)
            {
                // The part's fields appear directly on the item (Orchard's collapsing; always so for the type's own part).
                Add((_definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
                    .Select(field => FieldOf(field, PartSettings.CollapsedFieldName(typePart, field.Name),
                        c => c.Source is ContentItem i ? (i, i.Part(instance)) : (null, null), this)).OfType<FieldType>());
            }
            else
            {
                Add(PartFields(type, typePart));
            }
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

    /// <summary>A collapsed built-in part: the fields of its object on the item, each resolved against the part.</summary>
    private static IEnumerable<FieldType> RolledUp(FieldType partField)
    {
        if (partField.ResolvedType is not IObjectGraphType part)
        {
            return [partField];
        }
        return part.Fields.Select(inner => new FieldType
        {
            Name = inner.Name,
            Description = inner.Description,
            Type = inner.Type,
            ResolvedType = inner.ResolvedType,
            Arguments = inner.Arguments,
            Resolver = new FuncFieldResolver<object?>(async c => await partField.Resolver!.ResolveAsync(c) is { } source
                ? await inner.Resolver!.ResolveAsync(new ResolveFieldContext(c) { Source = source, FieldDefinition = inner })
                : null),
        });
    }

    // ---- root fields ----

    private void AddRootFields(ObjectGraphType query, ContentTypeDefinition type)
    {
        var targets = new Dictionary<string, WhereTarget>(StringComparer.Ordinal);
        var where = WhereInput(type, targets);
        var (orderBy, orderKeys) = OrderByInput(type);
        var contentType = type.Name;
        var listField = Camel(type.Name);

        var list = query.AddField(new FieldType
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
                if (spec.Order.Count == 0)
                {
                    // Orchard's order when none is asked for: the newest items first.
                    spec.Order.Add(ContentOrder.By(ContentColumn.CreatedUtc, descending: true));
                }
                spec.Skip = c.GetArgument("skip", 0);
                spec.Take = Take(c);
                if (spec.Skip < 0)
                {
                    throw new ExecutionError("skip must not be negative.");
                }
                try
                {
                    return await c.RequestServices!.GetRequiredService<ContentQuery>().ListAsync(spec, c.CancellationToken);
                }
                catch (ContentQueryException e)
                {
                    throw new ExecutionError(e.Message);
                }
            }),
        });

        var count = query.AddField(new FieldType
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
        // Read before the query runs, by the permission rule (ContentPermissionRule).
        list.Metadata[ContentPermissionRule.ContentTypeKey] = contentType;
        count.Metadata[ContentPermissionRule.ContentTypeKey] = contentType;
    }

    /// <summary>The page size of <c>first</c>: the default when absent or 0; above the maximum, the maximum in
    /// production and an error in development (or as <c>Twinning:GraphQL:RefuseFirstAboveMaximum</c> says), as Orchard
    /// treats its <c>MaxNumberOfResults</c>.</summary>
    private static int Take(IResolveFieldContext c)
    {
        var services = c.RequestServices!;
        var queries = services.GetRequiredService<ContentQuery>();
        var first = c.GetArgument<int?>("first");
        var max = queries.Options.MaxPageSize;
        if (first > max && !services.GetRequiredService<IOptions<GraphQLOptions>>().Value.RefusesFirstAboveMaximum(services.GetRequiredService<IHostEnvironment>()))
        {
            return max;
        }
        try
        {
            return queries.PageSize(first, "first");
        }
        catch (ContentQueryException e)
        {
            throw new ExecutionError(e.Message);
        }
    }

    private static int Skip(IResolveFieldContext c) => Math.Max(0, c.GetArgument("skip", 0));

    private static QueryArguments Paging(int? defaultFirst = null) => new(
        new QueryArgument<IntGraphType> { Name = "first", DefaultValue = defaultFirst },
        new QueryArgument<IntGraphType> { Name = "skip", DefaultValue = defaultFirst is null ? null : 0 });

    private static async Task<ContentQuerySpec> SpecAsync(IResolveFieldContext c, string contentType, Dictionary<string, WhereTarget> targets)
    {
        var status = c.GetArgument("status", PublicationStatus.Published);
        var spec = new ContentQuerySpec { ContentType = contentType, Status = status };
        switch (await ContentListAccess.LimitAsync(c.RequestServices!.GetRequiredService<IAuthorizationService>(), GraphQLRequestContext.Of(c).User, spec, [contentType]))
        {
            case PreviewContent:
                throw new ExecutionError($"Reading {status.ToString().ToUpperInvariant()} versions of {contentType} items needs the '{PreviewContent}' permission, or '{Permissions.PreviewOwnContent}' for the caller's own items.") { Code = "PERMISSION_DENIED" };
            case { } missing:
                // Refused before the query ran (ContentPermissionRule); kept so that no path reads without the permission.
                throw new ExecutionError(ContentPermissionRule.Message(contentType, missing)) { Code = "PERMISSION_DENIED" };
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
            AddFilters(input, targets, Filters(name, graph, op => new WhereTarget(column, null, op, graph == typeof(DateTimeGraphType))));
        }
        foreach (var field in CollapsedIndexedFields(type))
        {
            AddFilters(input, targets, Filters(field.Name, field.Graph, op => new WhereTarget(null, field.Reference, op, field.Graph != typeof(StringGraphType))));
        }
        foreach (var typePart in type.ContentTypePartDefinitionRecords.Where(p => !PartSettings.Hidden(p)))
        {
            var collapsed = PartSettings.Collapsed(type, typePart);
            if (ContentPartTypes.GraphQL(typePart.PartName) is { } builtIn)
            {
                var columns = builtIn.WhereColumns.SelectMany(c => c.Suffixes
                    ? Filters(c.Name, typeof(StringGraphType), op => new WhereTarget(c.Column, null, op, false))
                    : [(c.Name, typeof(StringGraphType), new WhereTarget(c.Column, null, FilterOperator.Eq, false))]).ToList();
                if (columns.Count > 0)
                {
                    AddPartFilters(input, targets, collapsed, typePart.Name, builtIn.WhereInputName, columns);
                }
            }
            else if (!collapsed)
            {
                // A part of fields, not collapsed: Orchard's where: { price: { amount_gt: 10 } }.
                var fields = (_definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
                    .Select(f => IndexedField(typePart, f, Camel(f.Name))).OfType<IndexedPartField>()
                    .SelectMany(f => Filters(f.Name, f.Graph, op => new WhereTarget(null, f.Reference, op, f.Graph != typeof(StringGraphType)))).ToList();
                if (fields.Count > 0)
                {
                    // Named like the part's object type, so that it cannot take the name of a type's own where input.
                    AddPartFilters(input, targets, false, typePart.Name, (_types.ContainsKey(typePart.Name) ? typePart.Name + "Part" : typePart.Name) + "WhereInput", fields);
                }
            }
        }
        var list = new ListGraphType(new GraphQLTypeReference(input.Name));
        input.AddField(new FieldType { Name = "AND", ResolvedType = list });
        input.AddField(new FieldType { Name = "OR", ResolvedType = list });
        input.AddField(new FieldType { Name = "NOT", ResolvedType = list });
        return input;
    }

    /// <summary>A field of a part that the field value index holds, under its GraphQL name, with the scalar where compares.</summary>
    private sealed record IndexedPartField(string Name, FieldReference Reference, Type Graph);

    private static IndexedPartField? IndexedField(ContentTypePartDefinition typePart, ContentPartFieldDefinition field, string name)
        => ContentFieldTypes.GraphQL(field.FieldName)?.WhereInputType is { } graph && FieldValueIndexer.KindOf(field.FieldName) is { } kind
            ? new IndexedPartField(name, new FieldReference(typePart.Name, field.Name, kind), graph)
            : null;

    /// <summary>The indexed fields of the type's collapsed parts (its own part always), named as on the item: filters
    /// and sort keys of the list field.</summary>
    private List<IndexedPartField> CollapsedIndexedFields(ContentTypeDefinition type)
        => type.ContentTypePartDefinitionRecords
            .Where(p => !PartSettings.Hidden(p) && ContentPartTypes.GraphQL(p.PartName) is null && PartSettings.Collapsed(type, p))
            .SelectMany(p => (_definitions.FindPart(p.PartName)?.ContentPartFieldDefinitionRecords ?? [])
                .Select(f => IndexedField(p, f, PartSettings.CollapsedFieldName(p, f.Name))))
            .OfType<IndexedPartField>()
            .ToList();

    /// <summary>A part's filters: on the where input itself when the part is collapsed, else in an input object of
    /// their own (one per name in the schema) under the part's field name.</summary>
    private void AddPartFilters(InputObjectGraphType input, Dictionary<string, WhereTarget> targets, bool collapsed, string instance,
        string inputName, List<(string Name, Type Graph, WhereTarget Target)> filters)
    {
        if (collapsed)
        {
            AddFilters(input, targets, filters);
            return;
        }
        var name = ContentFieldCatalog.PartFieldName(instance);
        if (targets.ContainsKey(name) || input.GetField(name) is not null)
        {
            return;
        }
        InputObjectGraphType? created = null;
        var partInput = Shared("where:" + inputName, () => created = new InputObjectGraphType { Name = inputName });
        var nested = new Dictionary<string, WhereTarget>(StringComparer.Ordinal);
        AddFilters(created, nested, filters);
        input.AddField(new FieldType { Name = name, ResolvedType = partInput });
        targets[name] = new WhereTarget(null, null, FilterOperator.Eq, false, nested);
    }

    /// <summary>Adds each filter not already there to the targets, and to <paramref name="input"/> unless it is null (an
    /// input type built before, shared between types).</summary>
    private static void AddFilters(InputObjectGraphType? input, Dictionary<string, WhereTarget> targets, IEnumerable<(string Name, Type Graph, WhereTarget Target)> filters)
    {
        foreach (var (name, graph, target) in filters)
        {
            if (targets.TryAdd(name, target))
            {
                input?.AddField(new FieldType
                {
                    Name = name,
                    Type = target.Operator is FilterOperator.In or FilterOperator.NotIn ? typeof(ListGraphType<>).MakeGenericType(graph) : graph,
                });
            }
        }
    }

    /// <summary>The filters of one value with the suffixes its scalar allows: text all of them, an id equality and lists,
    /// a boolean equality, numbers, dates and times the comparisons and lists.</summary>
    private static IEnumerable<(string Name, Type Graph, WhereTarget Target)> Filters(string name, Type graph, Func<FilterOperator, WhereTarget> target)
        => ContentFilterInput.Suffixes
            .Where(s => graph == typeof(StringGraphType)
                || (graph == typeof(IdGraphType) ? s.Operator is FilterOperator.Eq or FilterOperator.Not or FilterOperator.In or FilterOperator.NotIn
                : graph == typeof(BooleanGraphType) ? s.Operator is FilterOperator.Eq or FilterOperator.Not
                : !IsTextOperator(s.Operator)))
            .Select(s => (name + s.Suffix, graph, target(s.Operator)));

    private static bool IsTextOperator(FilterOperator op) => op is FilterOperator.Contains or FilterOperator.NotContains
        or FilterOperator.StartsWith or FilterOperator.NotStartsWith or FilterOperator.EndsWith or FilterOperator.NotEndsWith;

    private (InputObjectGraphType Input, Dictionary<string, WhereTarget> Keys) OrderByInput(ContentTypeDefinition type)
    {
        var input = new InputObjectGraphType { Name = type.Name + "OrderByInput" };
        var keys = new Dictionary<string, WhereTarget>(StringComparer.Ordinal);
        foreach (var (name, column) in ContentColumns.Orderable)
        {
            input.AddField(new FieldType { Name = name, ResolvedType = _direction });
            keys[name] = new WhereTarget(column, null, FilterOperator.Eq, false);
        }
        foreach (var field in CollapsedIndexedFields(type).Where(f => !keys.ContainsKey(f.Name)))
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
                if (FieldOf(field, Camel(field.Name), c => c.Source is PartSource p ? (p.Item, p.Part) : (null, null), this) is { } f && part.GetField(f.Name) is null)
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

    public FieldType IdsField(string name, Func<object?, IReadOnlyList<string>> ids) => new()
    {
        Name = name,
        Type = typeof(ListGraphType<StringGraphType>),
        Arguments = Paging(),
        Resolver = new FuncFieldResolver<object?>(c => ids(c.Source).Skip(Skip(c)).Take(Take(c)).ToList()),
    };

    public FieldType PagedField(string name, IGraphType itemType, Func<object?, IEnumerable<object>> items) => new()
    {
        Name = name,
        ResolvedType = new ListGraphType(itemType),
        Arguments = Paging(),
        Resolver = new FuncFieldResolver<object?>(c => items(c.Source).Skip(Skip(c)).Take(Take(c)).ToList()),
    };

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
        async Task<object?> Page(IResolveFieldContext c, IReadOnlyList<ContentItem> all)
        {
            var take = Take(c);
            var visible = await GraphQLRequestContext.Of(c).VisibleAsync(all.Where(i => _types.ContainsKey(i.ContentType)));
            return visible.Skip(Skip(c)).Take(take).ToList();
        }
        return new FieldType
        {
            Name = name,
            ResolvedType = new ListGraphType(_contentItem),
            Arguments = Paging(defaultFirst),
            Resolver = deferred is not null
                ? new FuncFieldResolver<object?>(c => deferred(c).Then(all => Page(c, all)))
                : new FuncFieldResolver<object?>(async c => await Page(c, await items!(c))),
        };
    }

    // ---- fields ----

    /// <summary>A field on an item or part object, typed by its field type (ContentFields/&lt;Field&gt;/); an unknown type is left out.</summary>
    private static FieldType? FieldOf(ContentPartFieldDefinition field, string name, Func<IResolveFieldContext, (ContentItem? Item, JsonObject? Part)> locate, IContentGraph graph)
    {
        if (ContentFieldTypes.GraphQL(field.FieldName)?.GraphType(graph) is not { } type)
        {
            return null;
        }
        var member = field.Name;
        return new FieldType
        {
            Name = name,
            Type = type.Type,
            ResolvedType = type.ResolvedType,
            Resolver = new FuncFieldResolver<object?>(c => locate(c) is ({ } item, { } part) && part[member] is JsonObject f ? type.Value(new FieldSource(item, f)) : null),
        };
    }
}
