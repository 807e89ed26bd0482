using Microsoft.Extensions.Localization;

[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("CiamServer.Login")]

namespace CiamServer.Login;

/// <summary>The hosted pages' texts (<c>IStringLocalizer&lt;LoginText&gt;</c>). The key is the English text, which is
/// also what an English page shows; other languages live in <c>Resources/LoginText.{culture}.resx</c>. A text with
/// no translation shows in English.</summary>
public sealed class LoginText;
