using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Passwordless.Sms;

internal static class SmsServiceCollectionExtensions
{
    /// <summary>The SMS sender chosen by <c>Ciam:Passwordless:Sms</c>. (Placeholder registration: filled in with the senders.)</summary>
    public static IServiceCollection AddCiamSms(this IServiceCollection services) => services;
}
