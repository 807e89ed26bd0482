namespace CiamServer.Admin.Pages.Console.Tenant.Clients;

/// <summary>What the shared client fields partial shows.</summary>
public sealed record ClientFieldsView(ClientForm Form, bool IsNew, IReadOnlyList<string> AvailableScopes);
