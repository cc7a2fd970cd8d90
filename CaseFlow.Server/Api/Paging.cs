namespace CaseFlow.Server.Api;

/// <summary>Page and page size with sane bounds (pages start at 1; at most 200 rows).</summary>
internal static class Paging
{
    public static (int Skip, int Take) Resolve(int? page, int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        return ((number - 1) * size, size);
    }
}
