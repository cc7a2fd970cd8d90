namespace CaseFlow.LoadDriver;

/// <summary>Finds the Release build of CaseFlow.Server in the repository this driver was built from.</summary>
internal static class ServerLocation
{
    public static string DefaultDll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CaseFlow.sln")))
            {
                return Path.Combine(directory.FullName, "CaseFlow.Server", "bin", "Release", "net10.0", "CaseFlow.Server.dll");
            }
        }

        throw new InvalidOperationException("CaseFlow.sln not found above the driver; pass --server <path to CaseFlow.Server.dll>");
    }
}
