using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintReportLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DuplicateOfCaseId",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RegulatorReceivedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondentPlatformAddress",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondentPlatformName",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedOfficeId",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Jurisdictions",
                columns: table => new
                {
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OfficeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jurisdictions", x => x.District);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ComplainantPhone",
                table: "Cases",
                column: "ComplainantPhone");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ParentCaseId",
                table: "Cases",
                column: "ParentCaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Jurisdictions");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ComplainantPhone",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ParentCaseId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DuplicateOfCaseId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RegulatorReceivedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RespondentPlatformAddress",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RespondentPlatformName",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SuggestedOfficeId",
                table: "Cases");
        }
    }
}
