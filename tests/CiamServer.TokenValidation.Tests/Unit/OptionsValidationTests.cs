using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CiamServer.TokenValidation.Tests.Unit;

[Trait("Category", "TokenValidation")]
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData(null, "orders-api", "127.0.0.1:1", "Authority")]
    [InlineData("http://id.example.com/t/acme", "orders-api", "127.0.0.1:1", "Authority")]
    [InlineData("https://id.example.com/t/acme", null, "127.0.0.1:1", "Audience")]
    [InlineData("https://id.example.com/t/acme", "orders-api", null, "RedisConfiguration")]
    public async Task InvalidOptions_StopTheHostAtStart(string? authority, string? audience, string? redis, string expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAuthentication().AddCiamJwtBearer(options =>
        {
            options.Authority = authority;
            options.Audience = audience;
            options.RedisConfiguration = redis;
        });
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooShortFailClosedAfter_StopsTheHostAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAuthentication().AddCiamJwtBearer(options =>
        {
            options.Authority = "https://id.example.com/t/acme";
            options.Audience = "orders-api";
            options.RedisConfiguration = "127.0.0.1:1";
            options.FailClosedAfter = TimeSpan.FromMilliseconds(100);
        });
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("FailClosedAfter", exception.Message, StringComparison.Ordinal);
    }
}
