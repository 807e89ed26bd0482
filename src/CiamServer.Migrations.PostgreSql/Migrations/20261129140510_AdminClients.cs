using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CiamServer.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AdminClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "OpenIddictApplications",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "OpenIddictApplications");
        }
    }
}
