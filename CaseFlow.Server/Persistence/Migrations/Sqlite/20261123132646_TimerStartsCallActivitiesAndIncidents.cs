using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimerStartsCallActivitiesAndIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "IncidentAt",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IncidentElementId",
                table: "Instances",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IncidentKind",
                table: "Instances",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IncidentMessage",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentBookmarkId",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentInstanceId",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "HistoryEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TimerStarts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Timer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemainingOccurrences = table.Column<int>(type: "INTEGER", nullable: true),
                    FiredCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ConcurrencyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimerStarts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_IncidentAt",
                table: "Instances",
                column: "IncidentAt");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_ParentInstanceId_ParentBookmarkId",
                table: "Instances",
                columns: new[] { "ParentInstanceId", "ParentBookmarkId" });

            migrationBuilder.CreateIndex(
                name: "IX_TimerStarts_ProcessKey_ProcessVersion",
                table: "TimerStarts",
                columns: new[] { "ProcessKey", "ProcessVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TimerStarts");

            migrationBuilder.DropIndex(
                name: "IX_Instances_IncidentAt",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_ParentInstanceId_ParentBookmarkId",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "IncidentAt",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "IncidentElementId",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "IncidentKind",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "IncidentMessage",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ParentBookmarkId",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "HistoryEvents");
        }
    }
}
