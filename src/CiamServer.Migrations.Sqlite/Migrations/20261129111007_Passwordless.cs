using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CiamServer.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Passwordless : Migration
    {
        /// <inheritdoc />
        // Existing tenants keep what they had (passwords) and gain email sign-in and passkeys, as new ones do.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "passkey_recovery_by_email",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "require_passkey_attestation",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "sign_in_email_code",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "sign_in_email_link",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "sign_in_passkey",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "sign_in_password",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "sign_in_sms_code",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "one_time_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LinkHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BrowserHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReturnUrl = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsumedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_one_time_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "passkey_credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1023, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UserHandle = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SignCount = table.Column<uint>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Transports = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AaGuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttestationFormat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsBackupEligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsBackedUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passkey_credentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_passkey_credentials_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "PhoneNumberIndex",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "PhoneNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_one_time_codes_ExpiresAt",
                table: "one_time_codes",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_one_time_codes_LinkHash",
                table: "one_time_codes",
                column: "LinkHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_passkey_credentials_TenantId_CredentialId",
                table: "passkey_credentials",
                columns: new[] { "TenantId", "CredentialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_passkey_credentials_TenantId_UserId",
                table: "passkey_credentials",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_passkey_credentials_UserId",
                table: "passkey_credentials",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "one_time_codes");

            migrationBuilder.DropTable(
                name: "passkey_credentials");

            migrationBuilder.DropIndex(
                name: "PhoneNumberIndex",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "passkey_recovery_by_email",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "require_passkey_attestation",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "sign_in_email_code",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "sign_in_email_link",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "sign_in_passkey",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "sign_in_password",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "sign_in_sms_code",
                table: "tenants");
        }
    }
}
