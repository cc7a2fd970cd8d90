using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseFlow.Server.Persistence;

/// <summary>Lets <c>dotnet ef migrations add ... --context CaseFlowDbContext</c> build the SQLite model without starting the host.</summary>
/// <remarks>
/// Without it the tools, finding only <see cref="PostgresDesignTimeFactory"/>, used the PostgreSQL subclass for
/// <c>--context CaseFlowDbContext</c> too and wrote a PostgreSQL migration into the SQLite folder. Generating a migration
/// never opens the file.
/// </remarks>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<CaseFlowDbContext>
{
    public CaseFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CaseFlowDbContext>().UseSqlite("Data Source=caseflow-design.db").Options);
}
