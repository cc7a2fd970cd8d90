using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityAuditAndPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComplainantIdNumberCipher",
                table: "Cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComplainantIdNumberHash",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ComplainantIdNumberHash",
                table: "Cases",
                column: "ComplainantIdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CaseId_Seq",
                table: "AuditEntries",
                columns: new[] { "CaseId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Seq",
                table: "AuditEntries",
                column: "Seq",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ComplainantIdNumberHash",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ComplainantIdNumberCipher",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ComplainantIdNumberHash",
                table: "Cases");
        }
    }
}
