using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CiamServer.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Revocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "revocations",
                columns: table => new
                {
                    Member = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_revocations", x => x.Member);
                });

            migrationBuilder.CreateIndex(
                name: "IX_revocations_ExpiresAt",
                table: "revocations",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_revocations_RevokedAt",
                table: "revocations",
                column: "RevokedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "revocations");
        }
    }
}
