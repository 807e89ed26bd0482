using CiamServer.Core.Tenancy.Branding;

namespace CiamServer.UnitTests.Core;

[Trait("Category", "Unit")]
[Trait("Category", "Branding")]
public sealed class CssSanitizerTests
{
    [Theory]
    [InlineData(".card { border-radius: 4px; }")]
    [InlineData("h1 { color: #123456; font-size: 2rem; letter-spacing: .02em; }")]
    [InlineData("button:hover, a:focus-visible { background-color: rgba(0, 0, 0, .5); outline: 2px solid var(--accent); }")]
    [InlineData("main.card > header .brand-name { font-family: Georgia, Times New Roman, serif; font-weight: 700 !important; }")]
    [InlineData(":root { --primary: #0a7d4f; --bg: hsl(120, 20%, 95%); }")]
    [InlineData("body { margin: 0 auto; padding: 1rem 2rem; box-shadow: 0 1px 3px rgba(0,0,0,.12), 0 0 0 1px #ddd; }")]
    [InlineData("input::placeholder { color: #777; } * { text-transform: none; }")]
    [InlineData("/* a comment */ .hint { color: #555; }")]
    public void Sanitize_SafeCss_KeptWithoutProblems(string css)
    {
        var result = CssSanitizer.Sanitize(css);

        Assert.Empty(result.Problems);
        Assert.NotEmpty(result.Css);
        Assert.Equal(result.Css, CssSanitizer.Sanitize(result.Css).Css);
    }

    [Theory]
    [InlineData("body { background: url(https://evil.example/x.png); }", "url")]
    [InlineData("body { background: URL(https://evil.example/x.png); }", "url")]
    [InlineData("body { background-color: expression(alert(1)); }", "expression")]
    [InlineData("@import url(https://evil.example/x.css); body { color: red; }", "At-rules")]
    [InlineData("@font-face { font-family: x; } body { color: red; }", "At-rules")]
    [InlineData("@media screen { body { color: red; } }", "At-rules")]
    [InlineData("a { color: javascript:alert(1); }", "javascript")]
    [InlineData("a { color: red; behavior: url(x.htc); }", "behavior")]
    [InlineData("a { -moz-binding: url(x.xml#xss); }", "-moz-binding")]
    [InlineData("a { color: \\72 ed; }", "Backslash")]
    [InlineData("a { b\\61 ckground: red; }", "Backslash")]
    [InlineData("a { color: red; } </style><script>alert(1)</script>", "'<'")]
    [InlineData("a { color: red </style> }", "'<'")]
    [InlineData("a { font-family: \"Comic Sans\"; }", "Quoted")]
    [InlineData("a { font-family: 'x'; }", "Quoted")]
    [InlineData("a { position: fixed; }", "position")]
    [InlineData("a { display: none; }", "display")]
    [InlineData("a { content: attr(x); }", "content")]
    [InlineData("a::after { color: red; }", "::after")]
    [InlineData("input[value^=a] { color: red; }", "selector")]
    [InlineData("a:not(.b) { color: red; }", "selector")]
    [InlineData("a { background-image: image-set(x 1x); }", "background-image")]
    [InlineData("a { background: linear-gradient(red, blue); }", "linear-gradient")]
    [InlineData("a { color: var(--x); }", "var()")]
    [InlineData("a { color: red; { b { color: red; } } }", "Nested")]
    [InlineData("a { font-family: Papyrus; }", "Papyrus")]
    [InlineData("a { color: re\u0000d; }", "ASCII")]
    [InlineData("a { color: rеd; }", "ASCII")]
    [InlineData("a { color: red", "not closed")]
    [InlineData("a { color: red; } /* open", "comment")]
    [InlineData("a { color }", "declaration")]
    public void Sanitize_AttackOrDisallowedCss_RefusedWithAMessage(string css, string expected)
    {
        var result = CssSanitizer.Sanitize(css);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Message.Contains(expected, StringComparison.OrdinalIgnoreCase));
        AssertHoldsNothingDangerous(result.Css);
    }

    [Theory]
    [InlineData("body { background: url(https://evil.example/x.png); }")]
    [InlineData("a { color: red; } </style><script>alert(1)</script>")]
    [InlineData("a{color:red}\n@import 'x';")]
    [InlineData("a { color: red; -moz-binding: url(x); behavior: url(y); background: expression(z); }")]
    [InlineData("a { color: \\3c /style\\3e ; }")]
    [InlineData("a { color: red; } } </style> { b { color: blue; }")]
    [InlineData("a { color: red } <!-- </style> -->")]
    [InlineData("x { color: red; } x { background: u/**/rl(https://evil.example/); }")]
    [InlineData("x { background: u\\rl(https://evil.example/); }")]
    [InlineData("x { color: red; background:\turl(//evil.example/) }")]
    public void Sanitize_AttackStrings_NothingDangerousSurvives(string css) =>
        AssertHoldsNothingDangerous(CssSanitizer.Sanitize(css).Css);

    [Fact]
    public void Sanitize_MixedCss_KeepsTheSafeRulesAndNamesTheLineOfEachRefusal()
    {
        const string css = ".card { color: #222; }\n.card { position: absolute; color: #333; }\nh1 { background: url(x); }\n";

        var result = CssSanitizer.Sanitize(css);

        Assert.Equal(".card { color: #222; }\n.card { color: #333; }\n", result.Css);
        Assert.Collection(result.Problems,
            p => Assert.Equal((2, "The property 'position' is not allowed."), (p.Line, p.Message)),
            p => Assert.Equal(3, p.Line));
        Assert.StartsWith("Line 2: ", result.Problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_LongerThanTheLimit_Refused()
    {
        var css = string.Concat(Enumerable.Repeat("a { color: #123456; }\n", 400));

        var result = CssSanitizer.Sanitize(css);

        Assert.True(css.Length > BrandingRules.MaxCustomCssLength);
        Assert.Empty(result.Css);
        Assert.Contains("8192", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Sanitize_Nothing_NothingAndNoProblem(string? css)
    {
        var result = CssSanitizer.Sanitize(css);

        Assert.Equal(string.Empty, result.Css);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_BadFields_NamedWithTheirProblems()
    {
        var problems = BrandingRules.Validate(new CiamServer.Core.Tenancy.TenantBranding
        {
            LogoUrl = "http://example.com/logo.png",
            PrimaryColor = "blue",
            AccentColor = "#12",
            BackgroundColor = "#fff",
            TextColor = null,
            CustomCss = "a { position: fixed; }",
        });

        Assert.Equal(["accentColor", "customCss", "logoUrl", "primaryColor"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("position", Assert.Single(problems["customCss"]), StringComparison.Ordinal);
    }

    private static void AssertHoldsNothingDangerous(string css)
    {
        foreach (var forbidden in new[] { "<", "\\", "@", "url", "expression", "javascript", "behavior", "binding", "import", "\"", "'", "/*" })
        {
            Assert.DoesNotContain(forbidden, css, StringComparison.OrdinalIgnoreCase);
        }
    }
}
