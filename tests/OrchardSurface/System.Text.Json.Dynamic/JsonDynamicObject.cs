using System.Dynamic;
using System.Text.Json.Nodes;

namespace System.Text.Json.Dynamic;

// Source: src/OrchardCore/OrchardCore.Abstractions/Json/Dynamic/JsonDynamicObject.cs
// (Orchard declares it in this namespace; it is the runtime type of ContentElement.Content.)
public class JsonDynamicObject : DynamicObject
{
    public static implicit operator JsonObject(JsonDynamicObject value) => throw new NotSupportedException();
}
