using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CiamServer.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AdminDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_user_sessions_TenantId_ExpiresAt",
                table: "user_sessions",
                columns: new[] { "TenantId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_TenantId_Action_CreatedAt",
                table: "audit_events",
                columns: new[] { "TenantId", "Action", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TenantId_CreatedAt",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_user_sessions_TenantId_ExpiresAt",
                table: "user_sessions");

            migrationBuilder.DropIndex(
                name: "IX_audit_events_TenantId_Action_CreatedAt",
                table: "audit_events");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TenantId_CreatedAt",
                table: "AspNetUsers");
        }
    }
}
