namespace CiamServer.Admin.Pages.Console.Tenant.Policies;

/// <summary>What the _Number partial renders: a form key ("Risk.DenyAt"), its value, bounds and hint.</summary>
public sealed record NumberField(IndexModel Page, string Key, int? Value, int Min, int Max, string? Hint = null);

/// <summary>What the _Check partial renders.</summary>
public sealed record CheckField(IndexModel Page, string Key, bool Value, string? Hint = null);
