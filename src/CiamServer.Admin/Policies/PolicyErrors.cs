using CiamServer.Core.Tenancy;

namespace CiamServer.Admin.Policies;

/// <summary>Field errors of one policy group, keyed by the field's JSON name; a problem with the group as a whole (no
/// field) is keyed by the group's name (e.g. "signIn"), as the import file reports it.</summary>
internal sealed class PolicyErrors(string group = "")
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public void Add(string field, string message)
    {
        var key = field.Length == 0 ? group : field;
        if (!_errors.TryGetValue(key, out var messages))
        {
            _errors[key] = messages = [];
        }

        messages.Add(message);
    }

    public void Add(IEnumerable<PolicyProblem> problems)
    {
        foreach (var (field, message) in problems)
        {
            Add(field, message);
        }
    }

    /// <summary>A PUT replaces the whole group, so a field left out (null) is an error rather than "keep it".</summary>
    public void RequireAll(params (string Field, object? Value)[] fields)
    {
        foreach (var (field, value) in fields.Where(f => f.Value is null))
        {
            Add(field, "is required.");
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
