using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseFlow.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresCaseDeadlineLadders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CaseDeadlineLadderBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the sweep set each back-filled deadline's next instant from its ladder.
        }
    }
}
