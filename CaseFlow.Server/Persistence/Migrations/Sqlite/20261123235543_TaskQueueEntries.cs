using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskQueueEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TaskQueueEntries",
                columns: table => new
                {
                    Queue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOrder = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskQueueEntries", x => new { x.Queue, x.TaskId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskQueueEntries_Order",
                table: "TaskQueueEntries",
                columns: new[] { "Queue", "DueOrder", "CreatedAt", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskQueueEntries_TaskId",
                table: "TaskQueueEntries",
                column: "TaskId");

            migrationBuilder.Sql(TaskQueueBackfill.Common);
            migrationBuilder.Sql(TaskQueueBackfill.SqliteGroups);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaskQueueEntries");
        }
    }
}
