namespace CiamServer.Core.Tenancy.Branding;

/// <summary>Why a part of a custom stylesheet was refused, and on which line of the admin's text.</summary>
public sealed record CssProblem(int Line, string Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}

/// <summary>The safe part of a stylesheet (rebuilt from the parts that passed, never the input as given) and the
/// problems of the parts that did not.</summary>
public sealed record CssSanitizeResult(string Css, IReadOnlyList<CssProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
