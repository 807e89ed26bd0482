using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CiamServer.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdminUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<string>(
                name: "SearchFamilyName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 256,
                nullable: true,
                computedColumnSql: "upper(\"FamilyName\")",
                stored: false);

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 256,
                nullable: true,
                computedColumnSql: "upper((coalesce(\"GivenName\", '') || ' ' || coalesce(\"FamilyName\", '')))",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "NormalizedEmail", "Id" });

            migrationBuilder.CreateIndex(
                name: "UserListIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "UserSearchFamilyNameIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "SearchFamilyName", "Id" });

            migrationBuilder.CreateIndex(
                name: "UserSearchNameIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "SearchName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "UserListIndex",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "UserSearchFamilyNameIndex",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "UserSearchNameIndex",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SearchFamilyName",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "NormalizedEmail" });
        }
    }
}
