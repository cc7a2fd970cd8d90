using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Persistence;

/// <summary>The same model on PostgreSQL; a type of its own so EF Core picks the migrations under <c>Migrations/Postgres</c>.</summary>
/// <remarks>
/// EF Core matches migrations to a context by the context's type, so one assembly can carry a migration history
/// per provider. The application resolves <see cref="CaseFlowDbContext"/> everywhere; on PostgreSQL that service is this class.
/// </remarks>
public sealed class PostgresCaseFlowDbContext : CaseFlowDbContext
{
    /// <summary>Without a data key: for the migration tools and tools that only count or seed rows.</summary>
    public PostgresCaseFlowDbContext(DbContextOptions<PostgresCaseFlowDbContext> options)
        : base(options, protector: null)
    {
    }

    /// <summary>The application's context: personal-data columns encrypted with <paramref name="protector"/>'s key.</summary>
    public PostgresCaseFlowDbContext(DbContextOptions<PostgresCaseFlowDbContext> options, Security.PersonalDataProtector protector)
        : base(options, protector)
    {
    }
}
