using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasuresConductDateAndPenaltyAmounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Statistics",
                table: "Cases");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConductDate",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ConductSeriousHarm",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "ConfiscationAmount",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FineAmount",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FinePaidAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PenaltyDecidedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PenaltyDecidedAt",
                table: "Cases",
                column: "PenaltyDecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Statistics",
                table: "Cases",
                columns: new[] { "ReceivedAt", "Kind", "OfficeId", "AcceptedAt", "ClosedAt", "Satisfaction", "RecoveredAmount", "FiledAt", "TransferredAt", "DecidedAt", "ParentCaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_PenaltyDecidedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Statistics",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ConductDate",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ConductSeriousHarm",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ConfiscationAmount",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FineAmount",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FinePaidAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PenaltyDecidedAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Statistics",
                table: "Cases",
                columns: new[] { "ReceivedAt", "Kind", "OfficeId", "AcceptedAt", "ClosedAt", "Satisfaction", "RecoveredAmount" });
        }
    }
}
