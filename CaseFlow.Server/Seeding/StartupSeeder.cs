using CaseFlow.Server.Auth;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Letters;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Seeding;

/// <summary>
/// At start-up: publishes the built-in processes that have never been published, and seeds the demo offices
/// and users where allowed. Demo users are refused in Production, where their public password would be a hole.
/// </summary>
internal sealed class StartupSeeder(
    IServiceProvider services,
    IOptions<CaseFlowOptions> options,
    IHostEnvironment environment,
    ILogger<StartupSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        await PublishBuiltInProcessesAsync(db, scope.ServiceProvider.GetRequiredService<ProcessPublisher>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<RuleSetStore>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<LetterTemplateStore>().SeedAsync(cancellationToken);

        var isProduction = environment.IsProduction();
        var seedDemo = options.Value.SeedDemo ?? !isProduction;
        if (seedDemo && isProduction)
        {
            throw new InvalidOperationException("CaseFlow:SeedDemo is true in the Production environment; demo users with a public password are refused there.");
        }

        if (isProduction)
        {
            // Demo users seeded in an earlier, non-production run must not survive into production.
            var disabled = await db.Users.Where(u => u.IsDemo && !u.IsDisabled).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true), cancellationToken);
            if (disabled > 0)
            {
                logger.LogWarning("Disabled {Count} demo users: the Production environment refuses them", disabled);
            }
        }

        if (seedDemo)
        {
            await SeedDemoAsync(db, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PublishBuiltInProcessesAsync(CaseFlowDbContext db, ProcessPublisher publisher, CancellationToken cancellationToken)
    {
        foreach (var (key, xml) in await BuiltInOrder.CalleesFirstAsync(db, BuiltInProcesses.All(), logger, cancellationToken))
        {
            if (await db.ProcessVersions.AnyAsync(p => p.ProcessKey == key, cancellationToken))
            {
                continue; // published before, perhaps edited since: never overwrite a legal officer's version
            }

            try
            {
                var outcome = await publisher.PublishBuiltInAsync(key, xml, cancellationToken);
                if (outcome is not PublishOutcome.Published)
                {
                    throw new InvalidOperationException($"Built-in process '{key}' is invalid: {string.Join("; ", ((PublishOutcome.Invalid)outcome).Errors.Select(e => $"{e.ElementId}: {e.Message}"))}");
                }

                logger.LogInformation("Published built-in process {ProcessKey}", key);
            }
            catch (DbUpdateException)
            {
                // Another node published it at the same moment.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task SeedDemoAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        foreach (var office in DemoData.Offices)
        {
            if (await db.Offices.FindAsync([office.Id], cancellationToken) is null)
            {
                db.Offices.Add(new() { Id = office.Id, Name = office.Name, Email = office.Email });
            }
        }

        foreach (var user in DemoData.Users)
        {
            var stored = await db.Users.FindAsync([user.UserName], cancellationToken);
            if (stored is null)
            {
                db.Users.Add(DemoData.CreateUser(user, PasswordHasher.Hash(DemoData.Password)));
            }
            else if (stored.IsDemo && DemoData.MissingGroups(stored, user.Groups) is { Count: > 0 } missing)
            {
                // A demo directory seeded before the head offices existed (bureau-chief, bureau-heads, office-N-head) gains them.
                stored.Groups = string.Join(',', stored.GroupList.Concat(missing));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded them at the same moment; theirs are identical.
            db.ChangeTracker.Clear();
        }
    }
}
