using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RuleSetsDeadlineChangesCalendarAbsencesPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExtensionCount",
                table: "Deadlines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                table: "Deadlines",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleCode",
                table: "Deadlines",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleSetId",
                table: "Deadlines",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuspendedAt",
                table: "Deadlines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "Deadlines",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Absences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Deputy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Absences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: true),
                    LoadedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingJson = table.Column<string>(type: "TEXT", nullable: true),
                    PendingBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PendingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IntervalKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Approval = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DueBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAfter = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleSets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Absences_UserName_EndedAt",
                table: "Absences",
                columns: new[] { "UserName", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineChanges_CaseId",
                table: "DeadlineChanges",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineChanges_DeadlineId",
                table: "DeadlineChanges",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_At",
                table: "PointsEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_UserName_At",
                table: "PointsEntries",
                columns: new[] { "UserName", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Absences");

            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropTable(
                name: "DeadlineChanges");

            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "RuleSets");

            migrationBuilder.DropColumn(
                name: "ExtensionCount",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "LegalBasis",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "RuleCode",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "RuleSetId",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "Unit",
                table: "Deadlines");
        }
    }
}
