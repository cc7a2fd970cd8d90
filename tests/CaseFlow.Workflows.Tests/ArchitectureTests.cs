using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests;

public class ArchitectureTests
{
    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Quartz")]
    [InlineData("Microsoft.AspNetCore")]
    public void WorkflowsAssembly_DoesNotReference(string forbiddenPrefix)
    {
        var references = typeof(IWorkflowEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => name.StartsWith(forbiddenPrefix, StringComparison.Ordinal));
    }
}
