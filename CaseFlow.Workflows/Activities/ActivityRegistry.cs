using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Workflows.Descriptors;

namespace CaseFlow.Workflows.Activities;

/// <summary>Discovers the built-in activities (and any extra types given) from their attributes.</summary>
public sealed class ActivityRegistry : IActivityRegistry
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Registers the built-in activities plus <paramref name="extraActivityTypes"/>.</summary>
    /// <exception cref="ArgumentException">A type is not a concrete <see cref="IActivity"/> with <see cref="ActivityAttribute"/> and a parameterless constructor, or two activities share a name.</exception>
    public ActivityRegistry(IEnumerable<Type>? extraActivityTypes = null)
    {
        var builtIn = typeof(ActivityRegistry).Assembly.GetTypes()
            .Where(t => typeof(IActivity).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetCustomAttribute<ActivityAttribute>() is not null);
        foreach (var type in builtIn.Concat(extraActivityTypes ?? []))
        {
            var entry = Describe(type);
            if (!_entries.TryAdd(entry.Descriptor.Name, entry))
            {
                throw new ArgumentException($"Two activities are named '{entry.Descriptor.Name}'.", nameof(extraActivityTypes));
            }
        }

        Descriptors = [.. _entries.Values.Select(e => e.Descriptor).OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    /// <inheritdoc />
    public ActivityDescriptor? Find(string name) => _entries.TryGetValue(name, out var entry) ? entry.Descriptor : null;

    /// <inheritdoc />
    public bool TryCheckInput(string activityName, string inputName, JsonNode? value, out string? error)
    {
        error = null;
        if (!_entries.TryGetValue(activityName, out var entry) || !entry.Properties.TryGetValue(inputName, out var property))
        {
            error = $"'{inputName}' is not an input of activity '{activityName}'.";
            return false;
        }

        return ActivityInputConverter.TryConvert(value, property.PropertyType, out _, out error);
    }

    /// <inheritdoc />
    public IActivity Create(string name, IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!_entries.TryGetValue(name, out var entry))
        {
            throw new KeyNotFoundException($"There is no activity named '{name}'.");
        }

        var activity = (IActivity)Activator.CreateInstance(entry.Type)!;
        foreach (var (inputName, node) in inputs)
        {
            if (!entry.Properties.TryGetValue(inputName, out var property))
            {
                continue;
            }

            if (!ActivityInputConverter.TryConvert(node, property.PropertyType, out var value, out var error))
            {
                throw new ActivityInputException($"Input '{inputName}' of activity '{name}': {error}");
            }

            if (value is not null || !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                property.SetValue(activity, value);
            }
        }

        return activity;
    }

    private static Entry Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>();
        if (!typeof(IActivity).IsAssignableFrom(type) || type.IsAbstract || attribute is null || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{type.FullName} must be a concrete IActivity with [Activity] and a parameterless constructor.", nameof(type));
        }

        var retry = type.GetCustomAttribute<ActivityRetryAttribute>();
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        var inputs = new List<ActivityInputDescriptor>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            var input = property.GetCustomAttribute<ActivityInputAttribute>();
            if (input is null || !property.CanWrite)
            {
                continue;
            }

            var inputName = input.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            properties[inputName] = property;
            inputs.Add(new ActivityInputDescriptor(
                inputName,
                ActivityInputConverter.TypeName(propertyType),
                input.Description,
                input.Required,
                propertyType.IsEnum ? Enum.GetNames(propertyType) : null,
                input.DisplayNameZh) { RequiredUnless = input.RequiredUnless });
        }

        var descriptor = new ActivityDescriptor(
            attribute.Name ?? type.Name,
            attribute.Category,
            attribute.DisplayName,
            attribute.Description,
            inputs,
            attribute.DisplayName,
            attribute.DisplayNameEn,
            attribute.DescriptionZh)
        {
            MaxAttempts = Math.Max(1, retry?.MaxAttempts ?? 1),
            RetryBackoffSeconds = Math.Max(0, retry?.BackoffSeconds ?? 0),
        };
        return new Entry(type, descriptor, properties);
    }

    private sealed record Entry(Type Type, ActivityDescriptor Descriptor, IReadOnlyDictionary<string, PropertyInfo> Properties);
}
