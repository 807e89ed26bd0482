using System.Security.Claims;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using CiamServer.TokenValidation.Internal;
using CiamServer.TokenValidation.Revocation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CiamServer.Benchmarks;

/// <summary>What the revocation check adds to validating an access token: JsonWebTokenHandler alone (RS256,
/// the parameters AddCiamJwtBearer sets) against the same plus the library's check of sid and jti in a
/// local set holding 100,000 revocations. Goal: at most 15% more.</summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const int RevokedEntries = 100_000;
    private const string Issuer = "https://id.example.com/t/acme";
    private readonly JsonWebTokenHandler _handler = new();
    private RSA _rsa = null!;
    private string _token = null!;
    private JsonWebToken _parsedToken = null!;
    private TokenValidationParameters _parameters = null!;
    private RevocationGuard _guard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rsa = RSA.Create(2048);
        _token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "orders-api",
            TokenType = JwtBearerSetup.AccessTokenType,
            Expires = DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", Guid.NewGuid().ToString()),
                new Claim("client_id", "web"),
                new Claim("scope", "openid orders.read"),
                new Claim("sid", RandomId()),
                new Claim("jti", Guid.NewGuid().ToString()),
            ]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });
        _parsedToken = new JsonWebToken(_token);
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = "orders-api",
            ValidTypes = [JwtBearerSetup.AccessTokenType],
            ValidAlgorithms = JwtBearerSetup.Algorithms,
            ClockSkew = JwtBearerSetup.ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            IssuerSigningKey = new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false)) { KeyId = "k1" },
        };

        var set = new RevocationSet();
        var expiresAt = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        for (var i = 0; i < RevokedEntries; i++)
        {
            set.Add(i % 2 == 0
                ? new RevocationEntry(RevocationKind.Session, RandomId(), expiresAt)
                : new RevocationEntry(RevocationKind.Token, Guid.NewGuid().ToString(), expiresAt));
        }

        // A day, so the set stays fresh for the whole run (nothing confirms it here); the clock is still read.
        var freshness = new RevocationFreshness(TimeProvider.System, TimeSpan.FromDays(1));
        freshness.Confirm(TimeProvider.System.GetTimestamp());
        _guard = new RevocationGuard(set, freshness, failOpen: false);
        if (_guard.Evaluate(_parsedToken) != RevocationVerdict.Accepted)
        {
            throw new InvalidOperationException("The benchmark token must pass the revocation check.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _rsa.Dispose();

    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler.ValidateTokenAsync (RS256)")]
    public async Task<bool> ValidateOnly() => (await _handler.ValidateTokenAsync(_token, _parameters)).IsValid;

    [Benchmark(Description = "Validate + revocation check (100k entries)")]
    public async Task<bool> ValidateAndCheckRevocation()
    {
        var result = await _handler.ValidateTokenAsync(_token, _parameters);
        return result.IsValid && _guard.Evaluate((JsonWebToken)result.SecurityToken) == RevocationVerdict.Accepted;
    }

    [Benchmark(Description = "Revocation check alone (sid + jti lookups, clock read)")]
    public bool RevocationCheckOnly() => _guard.Evaluate(_parsedToken) == RevocationVerdict.Accepted;

    private static string RandomId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
