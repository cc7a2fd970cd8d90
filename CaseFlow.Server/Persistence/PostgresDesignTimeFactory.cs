using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseFlow.Server.Persistence;

/// <summary>Lets <c>dotnet ef migrations add ... --context PostgresCaseFlowDbContext</c> build the model without a server or configuration.</summary>
/// <remarks>Generating a migration never connects; the connection string only names the provider.</remarks>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCaseFlowDbContext>
{
    public PostgresCaseFlowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresCaseFlowDbContext>();
        PersistenceServiceCollectionExtensions.ConfigurePostgres(options, "Host=localhost;Database=caseflow_design");
        return new PostgresCaseFlowDbContext(options.Options);
    }
}
