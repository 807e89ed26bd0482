using CiamServer.Protocol.Issuance;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>Tells relying parties in discovery which acr values they can ask for with acr_values: "1" (one
/// factor) and "2" (two factors, or a multi-factor passkey), the levels tokens carry in acr.</summary>
internal sealed class AdvertiseAcrValues : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<AdvertiseAcrValues>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Metadata[OpenIddictConstants.Metadata.AcrValuesSupported] =
            new OpenIddictParameter([PrincipalFactory.SingleFactorAcr, PrincipalFactory.MultiFactorAcr]);
        return ValueTask.CompletedTask;
    }
}
