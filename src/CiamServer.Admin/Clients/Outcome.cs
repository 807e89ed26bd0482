using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiamServer.Admin.Clients;

/// <summary>What an admin service call came to: done (with a value), missing (404), invalid (400 with field
/// errors) or in conflict with what exists (409). The API turns it into a typed result, a page into its
/// ModelState and a message.</summary>
public sealed record Outcome<T>
{
    public T? Value { get; private init; }

    public bool IsMissing { get; private init; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; private init; }

    /// <summary>Why the call conflicts with what exists, in words for people.</summary>
    public string? Conflict { get; private init; }

    /// <summary>What the conflict is with (the clients still granted a scope, for example).</summary>
    public IReadOnlyList<string>? ConflictingWith { get; private init; }

    public bool Succeeded => !IsMissing && Errors is null && Conflict is null;

    public static Outcome<T> Done(T value) => new() { Value = value };

    public static Outcome<T> Missing() => new() { IsMissing = true };

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new() { Errors = errors };

    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Outcome<T> InConflict(string detail, IReadOnlyList<string>? with = null) => new() { Conflict = detail, ConflictingWith = with };

    /// <summary>The same refusal for a call of another result type.</summary>
    public Outcome<TOther> Refusal<TOther>() =>
        Succeeded ? throw new InvalidOperationException("A successful outcome is no refusal.")
            : new Outcome<TOther> { IsMissing = IsMissing, Errors = Errors, Conflict = Conflict, ConflictingWith = ConflictingWith };
}

/// <summary>Field errors collected while checking an input, keyed by the JSON path of the field.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>Typed HTTP results of refused outcomes, shared by the clients, scopes and roles endpoints.</summary>
internal static class OutcomeResults
{
    public static ValidationProblem Invalid<T>(Outcome<T> outcome) =>
        TypedResults.ValidationProblem(outcome.Errors!, title: "The request has invalid fields.");

    public static ProblemHttpResult Conflict<T>(Outcome<T> outcome) =>
        TypedResults.Problem(
            detail: outcome.Conflict,
            statusCode: StatusCodes.Status409Conflict,
            title: "The request conflicts with what exists.",
            extensions: outcome.ConflictingWith is null ? null : new Dictionary<string, object?> { ["conflictsWith"] = outcome.ConflictingWith });
}
