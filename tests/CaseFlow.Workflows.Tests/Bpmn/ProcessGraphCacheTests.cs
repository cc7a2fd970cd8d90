using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Tests.Support;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class ProcessGraphCacheTests
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public void GetOrParse_ParsesOncePerKeyAndVersion()
    {
        var cache = new ProcessGraphCache(_harness.Parser);
        var reads = 0;
        string Xml()
        {
            reads++;
            return Support.Bpmn.SingleTask();
        }

        var first = cache.GetOrParse("test", 1, Xml);
        var again = cache.GetOrParse("test", 1, Xml);
        var second = cache.GetOrParse("test", 2, Xml);

        Assert.Same(first, again);
        Assert.NotSame(first, second);
        Assert.Equal(2, reads);
        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, _harness.Start(second).Instance.ProcessVersion);
    }

    [Fact]
    public void GetOrParse_Throws_ForInvalidDefinition()
    {
        var cache = new ProcessGraphCache(_harness.Parser);

        var ex = Assert.Throws<InvalidOperationException>(() => cache.GetOrParse("bad", 1, () => "<not-bpmn/>"));

        Assert.Contains("bad", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, cache.Count);
    }
}
