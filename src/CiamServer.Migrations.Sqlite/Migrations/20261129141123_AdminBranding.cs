using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CiamServer.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdminBranding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "branding_accent_color",
                table: "tenants",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "branding_background_color",
                table: "tenants",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "branding_custom_css",
                table: "tenants",
                type: "TEXT",
                maxLength: 8192,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "branding_text_color",
                table: "tenants",
                type: "TEXT",
                maxLength: 7,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "branding_accent_color",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "branding_background_color",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "branding_custom_css",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "branding_text_color",
                table: "tenants");
        }
    }
}
