using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Persistence;

/// <summary>The one database context: cases, processes, instances, bookmarks, tasks, outbox, users.</summary>
/// <remarks>
/// Migrations are generated per provider with
/// <c>dotnet ef migrations add &lt;Intent&gt; --project CaseFlow.Server --context CaseFlowDbContext --output-dir Persistence/Migrations/Sqlite</c>
/// and the same intent for <see cref="PostgresCaseFlowDbContext"/> into <c>Persistence/Migrations/Postgres</c>.
/// Quartz's tables are not EF's: Quartz provisions them itself in the same database.
/// </remarks>
public class CaseFlowDbContext : DbContext
{
    private readonly Security.PersonalDataProtector? protector;

    /// <summary>Without a data key: for the migration tools and tools that only count or seed rows (personal data is then neither encrypted nor read).</summary>
    public CaseFlowDbContext(DbContextOptions<CaseFlowDbContext> options)
        : base(options)
    {
    }

    /// <summary>The application's context: personal-data columns encrypted with <paramref name="protector"/>'s key.</summary>
    public CaseFlowDbContext(DbContextOptions<CaseFlowDbContext> options, Security.PersonalDataProtector protector)
        : base(options) => this.protector = protector;

    /// <summary>For the provider-specific subclass, whose type selects its own migrations.</summary>
    protected CaseFlowDbContext(DbContextOptions options, Security.PersonalDataProtector? protector)
        : base(options) => this.protector = protector;

    /// <summary>The id of the key the personal-data columns are encrypted with; null without one (then they are not).</summary>
    public string? DataKeyId => protector?.KeyId;

    public DbSet<StoredUser> Users => Set<StoredUser>();

    public DbSet<StoredAccessToken> AccessTokens => Set<StoredAccessToken>();

    public DbSet<StoredOffice> Offices => Set<StoredOffice>();

    public DbSet<StoredProcessVersion> ProcessVersions => Set<StoredProcessVersion>();

    public DbSet<StoredProcessDraft> ProcessDrafts => Set<StoredProcessDraft>();

    public DbSet<StoredInstance> Instances => Set<StoredInstance>();

    public DbSet<StoredBookmark> Bookmarks => Set<StoredBookmark>();

    public DbSet<StoredTask> Tasks => Set<StoredTask>();

    /// <summary>The work queues' lines, derived from <see cref="Tasks"/> in every save (see <see cref="TaskQueueIndex"/>).</summary>
    public DbSet<TaskQueueEntry> TaskQueueEntries => Set<TaskQueueEntry>();

    /// <summary>Who may see a case through its tasks, derived from <see cref="Tasks"/> in every save (see <see cref="CaseGrantIndex"/>).</summary>
    public DbSet<CaseGrant> CaseGrants => Set<CaseGrant>();

    public DbSet<StoredCase> Cases => Set<StoredCase>();

    public DbSet<StoredCaseEvent> CaseEvents => Set<StoredCaseEvent>();

    public DbSet<StoredDeadline> Deadlines => Set<StoredDeadline>();

    public DbSet<StoredDeadlineChange> DeadlineChanges => Set<StoredDeadlineChange>();

    /// <summary>Fired ladder steps: warnings, supervision items (督办), reassignments, reminders.</summary>
    public DbSet<StoredEscalation> Escalations => Set<StoredEscalation>();

    public DbSet<StoredRuleSet> RuleSets => Set<StoredRuleSet>();

    public DbSet<StoredHistoryEvent> HistoryEvents => Set<StoredHistoryEvent>();

    public DbSet<StoredOutboxMessage> OutboxMessages => Set<StoredOutboxMessage>();

    public DbSet<StoredIdempotencyRecord> IdempotencyRecords => Set<StoredIdempotencyRecord>();

    public DbSet<StoredCounter> Counters => Set<StoredCounter>();

    public DbSet<StoredTimerStart> TimerStarts => Set<StoredTimerStart>();

    public DbSet<StoredCalendarYear> CalendarYears => Set<StoredCalendarYear>();

    public DbSet<StoredAbsence> Absences => Set<StoredAbsence>();

    public DbSet<StoredPointsEntry> PointsEntries => Set<StoredPointsEntry>();

    public DbSet<StoredCaseDocument> CaseDocuments => Set<StoredCaseDocument>();

    public DbSet<StoredJurisdiction> Jurisdictions => Set<StoredJurisdiction>();

    public DbSet<StoredLetterTemplate> LetterTemplates => Set<StoredLetterTemplate>();

    /// <summary>The hash-chained audit trail (see <c>Security/AuditTrail</c>).</summary>
    public DbSet<StoredAuditEntry> AuditEntries => Set<StoredAuditEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detectedOnce = DetectChangesOnce();
        try
        {
            var changedTasks = TaskDerivedRows.ChangedTasks(this);
            TaskQueueIndex.Synchronise(this, changedTasks);
            CaseGrantIndex.Synchronise(this, changedTasks);
            CaseGrantCaseValues.Synchronise(this);
            SynchronisePersonalDataHashes();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectedOnce;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detectedOnce = DetectChangesOnce();
        try
        {
            var changedTasks = TaskDerivedRows.ChangedTasks(this);
            TaskQueueIndex.Synchronise(this, changedTasks);
            CaseGrantIndex.Synchronise(this, changedTasks);
            await CaseGrantCaseValues.SynchroniseAsync(this, cancellationToken);
            SynchronisePersonalDataHashes();
            if (SqliteGroupCommit.For(this) is { } group && group.Accepts(this))
            {
                return await group.SaveAsync(this, acceptAllChangesOnSuccess, (accept, token) => base.SaveChangesAsync(accept, token), cancellationToken);
            }

            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectedOnce;
        }
    }

    /// <summary>The cases' lookup hashes follow their phone and address in the same save (only with a key: tools without one write neither).</summary>
    private void SynchronisePersonalDataHashes()
    {
        if (protector is not null)
        {
            PersonalDataColumns.SynchroniseHashes(this, protector);
        }
    }

    /// <summary>
    /// Scans the tracked entities for changes once per save and turns automatic detection off until the save ends
    /// (returning the setting to restore). The save's own hooks (queue lines, audit chain, points ledger) read the change
    /// tracker with <c>Entries&lt;T&gt;()</c>, and each such call would otherwise scan every tracked entity again: a dozen
    /// scans per save, which a profile of the escalation sweep (thousands of tracked rows per batch) showed as its
    /// largest cost. The hooks only add entities, set values on entities they add, or set values through the change
    /// tracker's own entries (the lookup hashes), none of which needs detection.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var enabled = ChangeTracker.AutoDetectChangesEnabled;
        if (enabled)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return enabled;
    }

    /// <summary>
    /// One model per data key, for every context however it is made (the application's, the tools', the tests'): the
    /// encrypted columns' converters hold the key, and a model cached by type alone would hand one context's key, or its
    /// lack of one, to the next.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PersonalDataModelCacheKey>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CaseFlowDbContext).Assembly);
        if (protector is not null)
        {
            PersonalDataColumns.Apply(modelBuilder, protector);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so "due before now" is an index range.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
