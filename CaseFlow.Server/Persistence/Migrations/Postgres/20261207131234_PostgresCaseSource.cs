using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresCaseSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceDate",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceOrganisation",
                table: "Cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceReference",
                table: "Cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceDate",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SourceOrganisation",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SourceReference",
                table: "Cases");
        }
    }
}
