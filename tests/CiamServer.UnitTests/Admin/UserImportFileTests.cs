using CiamServer.Admin.Users;

namespace CiamServer.UnitTests.Admin;

public sealed class UserImportFileTests
{
    private static readonly HashSet<string> Roles = new(["customer", "support"], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Csv_QuotedFieldsAndRoles_AreRead()
    {
        const string file = "\uFEFFemail,givenName,familyName,emailVerified,roles,phone\r\n" +
            "ada@example.com,\"Ada, Countess\",\"Love\"\"lace\",TRUE,customer; Support,\n" +
            "\n" +
            ",,,,,+1 201 555 0123\n";

        var (rows, problems) = UserImportFile.Read("csv", file, Roles, "US");

        Assert.Empty(problems);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new UserImportRow(1, "ada@example.com", null, "Ada, Countess", "Love\"lace", true, rows[0].Roles), rows[0]);
        Assert.Equal(["customer", "Support"], rows[0].Roles);
        Assert.Equal(("+12015550123", null, false), (rows[1].Phone, rows[1].Email, rows[1].EmailVerified));
        Assert.Equal(2, rows[1].Row);
    }

    [Fact]
    public void Json_Array_IsRead()
    {
        const string file = """[ { "email": "b@example.com", "emailVerified": true, "roles": ["support"] }, { "phone": "+442071838750", "givenName": "Bo" } ]""";

        var (rows, problems) = UserImportFile.Read("json", file, Roles, "US");

        Assert.Empty(problems);
        Assert.Equal(["b@example.com", null], rows.Select(r => r.Email));
        Assert.Equal("+442071838750", rows[1].Phone);
    }

    [Fact]
    public void BadRows_AreAllReported_ByRowAndField_AndNoRowIsReturned()
    {
        const string file = "email,phone,roles,emailVerified\n" +
            "good@example.com,,,\n" +
            "not-an-email,,,\n" +
            "c@example.com,,admins,\n" +
            "GOOD@example.com,,,\n" +
            ",,,\n" +
            "d@example.com,,,maybe\n" +
            "e@example.com,12,,\n";

        var (rows, problems) = UserImportFile.Read("csv", file, Roles, "US");

        Assert.Empty(rows);
        Assert.Equal(["rows[2].email", "rows[3].roles", "rows[4].email", "rows[5].email", "rows[6].emailVerified", "rows[7].phone"],
            problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Row 1", problems["rows[4].email"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv", "")]
    [InlineData("csv", "givenName,familyName\nA,B\n")]
    [InlineData("csv", "email,password\na@example.com,secret\n")]
    [InlineData("csv", "email,email\na@example.com,a@example.com\n")]
    [InlineData("json", "{ \"email\": \"a@example.com\" }")]
    [InlineData("json", "[ { \"email\": ")]
    [InlineData("json", "[]")]
    public void UnreadableFile_IsOneFileProblem(string format, string file)
    {
        var (rows, problems) = UserImportFile.Read(format, file, Roles, "US");

        Assert.Empty(rows);
        Assert.Equal(["file"], problems.Keys);
    }

    [Fact]
    public void ARowWithTooFewValues_IsReported()
    {
        var (_, problems) = UserImportFile.Read("csv", "email,givenName\na@example.com\n", Roles, "US");

        Assert.Equal(["rows[1].row"], problems.Keys);
    }

    [Fact]
    public void ManyProblems_AreCappedWithACount()
    {
        var file = "email\n" + string.Concat(Enumerable.Repeat("bad\n", UserImportFile.MaxReportedProblems + 5));

        var (_, problems) = UserImportFile.Read("csv", file, Roles, "US");

        Assert.Equal(UserImportFile.MaxReportedProblems + 1, problems.Count);
        Assert.Contains("5 more rows", problems["file"][0], StringComparison.Ordinal);
        Assert.True(problems.ContainsKey($"rows[{UserImportFile.MaxReportedProblems}].email"));
    }
}
