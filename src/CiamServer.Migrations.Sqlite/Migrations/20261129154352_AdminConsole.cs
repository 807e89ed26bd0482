using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CiamServer.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdminConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "AspNetUsers");

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

            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "OpenIddictApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PasswordChangeRequired",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

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

            migrationBuilder.CreateTable(
                name: "admin_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_admin_grants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_admin_grants_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_import_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsJson = table.Column<string>(type: "TEXT", nullable: true),
                    SkippedJson = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestedFrom = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_import_jobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_user_sessions_TenantId_ExpiresAt",
                table: "user_sessions",
                columns: new[] { "TenantId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_TenantId_Action_CreatedAt",
                table: "audit_events",
                columns: new[] { "TenantId", "Action", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "NormalizedEmail", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TenantId_CreatedAt",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "CreatedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_admin_grants_TenantId",
                table: "admin_grants",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_admin_grants_UserId_TenantId",
                table: "admin_grants",
                columns: new[] { "UserId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_user_import_jobs_Status_LeaseUntil",
                table: "user_import_jobs",
                columns: new[] { "Status", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_user_import_jobs_TenantId_CreatedAt",
                table: "user_import_jobs",
                columns: new[] { "TenantId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_grants");

            migrationBuilder.DropTable(
                name: "user_import_jobs");

            migrationBuilder.DropIndex(
                name: "IX_user_sessions_TenantId_ExpiresAt",
                table: "user_sessions");

            migrationBuilder.DropIndex(
                name: "IX_audit_events_TenantId_Action_CreatedAt",
                table: "audit_events");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TenantId_CreatedAt",
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

            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "OpenIddictApplications");

            migrationBuilder.DropColumn(
                name: "PasswordChangeRequired",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "NormalizedEmail" });
        }
    }
}
