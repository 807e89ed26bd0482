namespace CiamServer.Core.Users;

/// <summary>Shadow columns of <see cref="CiamUser"/> that the database computes for the admin user search (read them
/// with <c>EF.Property&lt;string?&gt;(user, name)</c>). Both are upper case, as the normalised email is.</summary>
public static class CiamUserSearchColumns
{
    /// <summary>"GIVEN FAMILY" (an empty part stays empty: " FAMILY"): its prefixes are the given name's prefixes and
    /// "given family" as typed.</summary>
    public const string Name = "SearchName";

    /// <summary>The family name.</summary>
    public const string FamilyName = "SearchFamilyName";
}
