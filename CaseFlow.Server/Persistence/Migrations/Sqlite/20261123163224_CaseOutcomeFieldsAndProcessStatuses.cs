using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseOutcomeFieldsAndProcessStatuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FiledAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentCaseId",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RecoveredAmount",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Satisfaction",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransferredAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FiledAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ParentCaseId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RecoveredAmount",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Satisfaction",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "TransferredAt",
                table: "Cases");
        }
    }
}
