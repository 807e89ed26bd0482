namespace CiamServer.Import;

/// <summary>One thing wrong with an import file: which file, where in it (a JSON path), and what.</summary>
public sealed record ImportProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>An import that was refused; nothing of it was written.</summary>
public sealed class ImportException(IReadOnlyList<ImportProblem> problems)
    : Exception("The import was refused and nothing was written:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}
