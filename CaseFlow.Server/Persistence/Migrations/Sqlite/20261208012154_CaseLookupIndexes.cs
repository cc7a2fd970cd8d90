using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseLookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deadlines_CaseId",
                table: "Deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_CaseId_State",
                table: "Deadlines",
                columns: new[] { "CaseId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DuplicateOfCaseId",
                table: "Cases",
                column: "DuplicateOfCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseGrants_CaseId",
                table: "CaseGrants",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deadlines_CaseId_State",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DuplicateOfCaseId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseGrants_CaseId",
                table: "CaseGrants");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_CaseId",
                table: "Deadlines",
                column: "CaseId");
        }
    }
}
