using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseListNewestFirstRanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OfficeId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseGrants_Principal_CaseId",
                table: "CaseGrants");

            migrationBuilder.AddColumn<string>(
                name: "OfficeId",
                table: "CaseGrants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReceivedAt",
                table: "CaseGrants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // The grants' copy of their case's values (hand-written: the generator knows no data), before the indexes.
            migrationBuilder.Sql(CaseGrantCaseValuesBackfill.Sqlite);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OfficeId_ReceivedAt_Id",
                table: "Cases",
                columns: new[] { "OfficeId", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseGrants_Principal_CaseId_OfficeId",
                table: "CaseGrants",
                columns: new[] { "Principal", "CaseId", "OfficeId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseGrants_Principal_ReceivedAt_CaseId",
                table: "CaseGrants",
                columns: new[] { "Principal", "ReceivedAt", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OfficeId_ReceivedAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseGrants_Principal_CaseId_OfficeId",
                table: "CaseGrants");

            migrationBuilder.DropIndex(
                name: "IX_CaseGrants_Principal_ReceivedAt_CaseId",
                table: "CaseGrants");

            migrationBuilder.DropColumn(
                name: "OfficeId",
                table: "CaseGrants");

            migrationBuilder.DropColumn(
                name: "ReceivedAt",
                table: "CaseGrants");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OfficeId",
                table: "Cases",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseGrants_Principal_CaseId",
                table: "CaseGrants",
                columns: new[] { "Principal", "CaseId" });
        }
    }
}
