using System.Collections.Frozen;

namespace CiamServer.Login.Passwords;

/// <summary>The most common breached passwords (see Resources/common-passwords.LICENSE.md), loaded once.</summary>
internal sealed class CommonPasswordList
{
    private const string ResourceName = "CiamServer.Login.common-passwords.txt";

    private readonly FrozenSet<string> _passwords;

    public CommonPasswordList()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line.Trim());
            }
        }

        _passwords = passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password);
}
