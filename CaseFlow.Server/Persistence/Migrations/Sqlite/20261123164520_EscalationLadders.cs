using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EscalationLadders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LadderVersion",
                table: "Deadlines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "NextStepAt",
                table: "Deadlines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadlineEscalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StepKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Occurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineEscalations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_State_NextStepAt",
                table: "Deadlines",
                columns: new[] { "State", "NextStepAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineEscalations_CaseId",
                table: "DeadlineEscalations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineEscalations_Kind_FiredAt",
                table: "DeadlineEscalations",
                columns: new[] { "Kind", "FiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineEscalations_TaskId",
                table: "DeadlineEscalations",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "UX_DeadlineEscalations_Step",
                table: "DeadlineEscalations",
                columns: new[] { "DeadlineId", "StepKey" },
                unique: true);

            // Deadlines that were running before ladders existed: the first sweep plans them (0 ticks = due at once).
            migrationBuilder.Sql("UPDATE \"Deadlines\" SET \"NextStepAt\" = 0 WHERE \"State\" = 'Running' AND \"RuleCode\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineEscalations");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_State_NextStepAt",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "LadderVersion",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "NextStepAt",
                table: "Deadlines");
        }
    }
}
