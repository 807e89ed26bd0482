using System.Text;
using System.Text.RegularExpressions;

namespace CiamServer.Core.Tenancy.Branding;

/// <summary>Parses a tenant's custom CSS and keeps a safe subset: rules of plain selectors (elements, classes, ids,
/// a few pseudo-classes, combinators) holding declarations of <see cref="CssAllowList"/> properties whose values are
/// colours, lengths, keywords and the colour functions. Anything that could load a resource, run script, leave the
/// style element or hide a trick from this parser (url(), expression(), at-rules, escapes, quotes, '&lt;', non-ASCII)
/// is refused. The output is rebuilt from the accepted parts, so it is safe to write raw inside a &lt;style&gt;.
/// Admin input is validated with <see cref="CssSanitizeResult.Problems"/> (refused when any); pages render
/// <see cref="CssSanitizeResult.Css"/>.</summary>
public static partial class CssSanitizer
{
    private const int MaxProblems = 20;

    public static CssSanitizeResult Sanitize(string? css)
    {
        if (string.IsNullOrWhiteSpace(css))
        {
            return new CssSanitizeResult(string.Empty, []);
        }

        if (css.Length > BrandingRules.MaxCustomCssLength)
        {
            return new CssSanitizeResult(string.Empty, [new CssProblem(1, $"The CSS is longer than {BrandingRules.MaxCustomCssLength} characters.")]);
        }

        var parser = new Parser(css);
        return parser.Run();
    }

    private sealed class Parser(string source)
    {
        private readonly List<CssProblem> _problems = [];
        private readonly StringBuilder _output = new();
        private string _text = string.Empty;

        public CssSanitizeResult Run()
        {
            _text = WithoutComments(source);
            // A character that could end the style element, escape or quote something, or start an at-rule makes the
            // rest impossible to read safely: nothing is kept.
            if (CheckCharacters())
            {
                ParseRules();
            }

            var problems = _problems.Take(MaxProblems).ToList();
            return new CssSanitizeResult(_output.ToString(), problems);
        }

        private void Problem(int offset, string message) => _problems.Add(new CssProblem(LineAt(offset), message));

        private int LineAt(int offset) => 1 + source.AsSpan(0, Math.Min(offset, source.Length)).Count('\n');

        /// <summary>Comments become spaces (newlines kept, so line numbers stay right); an unclosed one is a problem.</summary>
        private string WithoutComments(string text)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length - 1; i++)
            {
                if (chars[i] != '/' || chars[i + 1] != '*')
                {
                    continue;
                }

                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    Problem(i, "A comment is not closed with */.");
                    end = chars.Length - 2;
                }

                for (var j = i; j < end + 2; j++)
                {
                    chars[j] = chars[j] == '\n' ? '\n' : ' ';
                }

                i = end + 1;
            }

            return new string(chars);
        }

        private bool CheckCharacters()
        {
            var before = _problems.Count;
            for (var i = 0; i < _text.Length && _problems.Count < MaxProblems; i++)
            {
                var message = _text[i] switch
                {
                    '\\' => "Backslash escapes are not allowed.",
                    '<' => "'<' is not allowed (it could end the style element).",
                    '@' => "At-rules (@import, @font-face, @media...) are not allowed.",
                    '"' or '\'' => "Quoted strings are not allowed: write font names from the allowed list without quotes.",
                    '\t' or '\n' or '\r' or '\f' => null,
                    < ' ' or > '~' => "Only printable ASCII characters are allowed.",
                    _ => null,
                };
                if (message is not null)
                {
                    Problem(i, message);
                }
            }

            return _problems.Count == before;
        }

        private void ParseRules()
        {
            var position = 0;
            while (position < _text.Length && _problems.Count < MaxProblems)
            {
                var open = _text.IndexOf('{', position);
                var stray = _text.IndexOfAny(['}', ';'], position);
                if (stray >= 0 && (open < 0 || stray < open))
                {
                    Problem(stray, $"Unexpected '{_text[stray]}': a rule is a selector followed by {{ declarations }}.");
                    position = stray + 1;
                    continue;
                }

                if (open < 0)
                {
                    if (!string.IsNullOrWhiteSpace(_text[position..]))
                    {
                        Problem(position, "A selector is not followed by { declarations }.");
                    }

                    return;
                }

                var close = _text.IndexOf('}', open + 1);
                if (close < 0)
                {
                    Problem(open, "A rule is not closed with }.");
                    return;
                }

                var nested = _text.IndexOf('{', open + 1, close - open - 1);
                if (nested >= 0)
                {
                    Problem(nested, "Nested blocks are not allowed.");
                    var end = _text.IndexOf('}', close + 1);
                    position = end < 0 ? _text.Length : end + 1;
                    continue;
                }

                Rule(position, open, close);
                position = close + 1;
            }
        }

        private void Rule(int start, int open, int close)
        {
            var selectors = Selectors(start, _text[start..open]);
            var declarations = new List<string>();
            var offset = open + 1;
            foreach (var part in _text[(open + 1)..close].Split(';'))
            {
                if (!string.IsNullOrWhiteSpace(part) && Declaration(offset + part.Length - part.TrimStart().Length, part.Trim()) is { } kept)
                {
                    declarations.Add(kept);
                }

                offset += part.Length + 1;
            }

            if (selectors is not null && declarations.Count > 0)
            {
                _output.Append(selectors).Append(" { ").AppendJoin("; ", declarations).Append("; }\n");
            }
        }

        private string? Selectors(int offset, string text)
        {
            var list = text.Split(',').Select(s => Whitespace().Replace(s.Trim(), " ")).ToList();
            offset += text.Length - text.TrimStart().Length;
            foreach (var selector in list)
            {
                if (SelectorProblem(selector) is { } problem)
                {
                    Problem(offset, problem);
                    return null;
                }
            }

            return string.Join(", ", list);
        }

        private static string? SelectorProblem(string selector)
        {
            if (selector.Length == 0)
            {
                return "A selector is empty.";
            }

            foreach (var compound in Combinator().Split(selector))
            {
                var match = Compound().Match(compound);
                if (compound.Length == 0 || !match.Success)
                {
                    return $"The selector '{selector}' is not allowed: use element names, .classes, #ids, a few :pseudo-classes and the combinators > + ~ (no [attributes] or functions).";
                }

                if (match.Groups["pseudo"].Captures.Select(c => c.Value.ToLowerInvariant()).FirstOrDefault(p => !CssAllowList.PseudoClasses.Contains(p)) is { } pseudo)
                {
                    return $"The pseudo-class '{pseudo}' is not allowed.";
                }
            }

            return null;
        }

        private string? Declaration(int offset, string text)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                Problem(offset, $"'{Shorten(text)}' is not a declaration of the form property: value.");
                return null;
            }

            var property = text[..colon].Trim().ToLowerInvariant();
            var value = Whitespace().Replace(text[(colon + 1)..].Trim(), " ");
            var important = Important().Match(value);
            if (important.Success)
            {
                value = value[..important.Index].TrimEnd();
            }

            var problem = !CssAllowList.Properties.Contains(property)
                ? $"The property '{Shorten(property)}' is not allowed."
                : ValueProblem(property, value);
            if (problem is not null)
            {
                Problem(offset, problem);
                return null;
            }

            return property + ": " + value + (important.Success ? " !important" : string.Empty);
        }

        private static string? ValueProblem(string property, string value)
        {
            if (value.Length == 0)
            {
                return $"The property '{property}' has no value.";
            }

            var lower = value.ToLowerInvariant();
            if (CssAllowList.ForbiddenWords.FirstOrDefault(w => Identifier().Matches(lower).Any(m => m.Value.Contains(w, StringComparison.Ordinal))) is { } word)
            {
                return $"The value of '{property}' uses '{word}', which is not allowed.";
            }

            if (!ValueCharacters().IsMatch(value))
            {
                return $"The value of '{property}' may hold only colours, numbers with units, keywords and rgb()/hsl()/var() (no ':', '!', '*', brackets...).";
            }

            if (FunctionProblem(property, lower) is { } functionProblem)
            {
                return functionProblem;
            }

            return property == "font-family" ? FontProblem(value) : null;
        }

        private static string? FunctionProblem(string property, string value)
        {
            var depth = 0;
            foreach (var c in value)
            {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth is < 0 or > 2)
                {
                    return $"The parentheses in the value of '{property}' do not match.";
                }
            }

            if (depth != 0)
            {
                return $"The parentheses in the value of '{property}' do not match.";
            }

            var calls = FunctionCall().Matches(value);
            if (calls.Count != value.Count('('))
            {
                return $"The value of '{property}' has a parenthesis that does not follow a function name.";
            }

            if (calls.Select(c => c.Groups["name"].Value).FirstOrDefault(n => !CssAllowList.Functions.Contains(n)) is { } name)
            {
                return $"The function '{name}()' is not allowed: only rgb(), rgba(), hsl(), hsla() and var().";
            }

            return value.Contains("var(", StringComparison.Ordinal) && VarCall().Matches(value).Count != value.Split("var(").Length - 1
                ? $"var() in '{property}' may name only the pages' variables (--primary, --accent, --text, --muted, --error, --bg)."
                : null;
        }

        private static string? FontProblem(string value) =>
            value.Split(',').Select(f => f.Trim()).FirstOrDefault(f => !CssAllowList.FontFamilies.Contains(f)) is { } font
                ? $"The font '{Shorten(font)}' is not allowed: use generic families (sans-serif, serif, monospace, system-ui...) or system fonts such as Arial, Georgia or Segoe UI."
                : null;

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*[>+~]\s*|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Combinator();

    [GeneratedRegex(@"^(?:[a-zA-Z][a-zA-Z0-9-]*|\*)?(?:[.#]-?[a-zA-Z_][a-zA-Z0-9_-]*|(?<pseudo>::?[a-zA-Z-]+))*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Compound();

    [GeneratedRegex(@"\s*!\s*important\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Important();

    [GeneratedRegex(@"^[a-zA-Z0-9#%.,()\s/+-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValueCharacters();

    [GeneratedRegex(@"-*[a-z_][a-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<name>[a-z-]+)\(", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionCall();

    [GeneratedRegex(@"var\(\s*--(?:primary|accent|text|muted|error|bg)\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex VarCall();
}
