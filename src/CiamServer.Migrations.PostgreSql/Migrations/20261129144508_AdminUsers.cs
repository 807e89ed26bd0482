using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CiamServer.Migrations.PostgreSql.Migrations
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

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "NormalizedEmail",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchFamilyName",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                computedColumnSql: "upper(\"FamilyName\" COLLATE \"und-x-icu\")",
                stored: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                computedColumnSql: "upper((coalesce(\"GivenName\", '') || ' ' || coalesce(\"FamilyName\", '')) COLLATE \"und-x-icu\")",
                stored: true,
                collation: "C");

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

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "NormalizedEmail",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "NormalizedEmail" });
        }
    }
}
