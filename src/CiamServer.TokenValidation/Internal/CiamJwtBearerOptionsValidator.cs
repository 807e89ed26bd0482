using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CiamServer.TokenValidation.Internal;

internal sealed class CiamJwtBearerOptionsValidator : IValidateOptions<CiamJwtBearerOptions>
{
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, CiamJwtBearerOptions options)
    {
        var failures = new List<string>();
        var prefix = $"CiamJwtBearerOptions '{name}':";
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            failures.Add($"{prefix} Authority must be the tenant's https issuer URL, e.g. https://id.example.com/t/acme.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{prefix} Audience is required.");
        }

        var hasConfiguration = !string.IsNullOrWhiteSpace(options.RedisConfiguration);
        if (hasConfiguration == (options.RedisConnection is not null))
        {
            failures.Add($"{prefix} set exactly one of RedisConfiguration and RedisConnection.");
        }
        else if (hasConfiguration && !CanParse(options.RedisConfiguration!))
        {
            failures.Add($"{prefix} RedisConfiguration is not a valid StackExchange.Redis configuration string.");
        }

        if (options.FailClosedAfter < Minimum)
        {
            failures.Add($"{prefix} FailClosedAfter must be at least {Minimum}.");
        }

        if (options.ReconcileInterval < Minimum)
        {
            failures.Add($"{prefix} ReconcileInterval must be at least {Minimum}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool CanParse(string configuration)
    {
        try
        {
            ConfigurationOptions.Parse(configuration);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
