using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseGrants",
                columns: table => new
                {
                    Principal = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseGrants", x => new { x.TaskId, x.Principal });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OfficeId",
                table: "Cases",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseGrants_Principal_CaseId",
                table: "CaseGrants",
                columns: new[] { "Principal", "CaseId" });

            // Grants of the tasks written before this table existed (hand-written: the generator knows no data).
            migrationBuilder.Sql(CaseGrantBackfill.Assignees);
            migrationBuilder.Sql(CaseGrantBackfill.SqliteGroups);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseGrants");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OfficeId",
                table: "Cases");
        }
    }
}
