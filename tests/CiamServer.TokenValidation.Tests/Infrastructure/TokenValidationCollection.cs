namespace CiamServer.TokenValidation.Tests.Infrastructure;

/// <summary>One server for all classes, and one class at a time: the revocation tests share Redis's single
/// key and channel, and timing tests should not compete with each other for the CPU.</summary>
[CollectionDefinition(Name)]
public sealed class TokenValidationCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "TokenValidation";
}
