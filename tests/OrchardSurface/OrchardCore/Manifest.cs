namespace OrchardCore.Modules.Manifest;

// Source: src/OrchardCore/OrchardCore.Abstractions/Modules/Manifest/FeatureAttribute.cs
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public class FeatureAttribute : Attribute
{
    public virtual string Name { get; set; }
    public virtual string Category { get; set; }
    public virtual string Description { get; set; }
    public virtual string[] Dependencies { get; set; }
}

// Source: src/OrchardCore/OrchardCore.Abstractions/Modules/Manifest/ModuleAttribute.cs
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public class ModuleAttribute : FeatureAttribute
{
    public virtual string Author { get; set; }
    public virtual string Version { get; set; }
    public virtual string[] Tags { get; set; }
}
