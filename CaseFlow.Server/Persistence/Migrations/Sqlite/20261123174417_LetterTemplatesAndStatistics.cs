using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LetterTemplatesAndStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LetterTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_DueAt",
                table: "Deadlines",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_FiledAt",
                table: "Cases",
                column: "FiledAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Statistics",
                table: "Cases",
                columns: new[] { "ReceivedAt", "Kind", "OfficeId", "AcceptedAt", "ClosedAt", "Satisfaction", "RecoveredAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_TransferredAt",
                table: "Cases",
                column: "TransferredAt");

            migrationBuilder.CreateIndex(
                name: "IX_LetterTemplates_Code_Version",
                table: "LetterTemplates",
                columns: new[] { "Code", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_DueAt",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Cases_FiledAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Statistics",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_TransferredAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "Cases");
        }
    }
}
