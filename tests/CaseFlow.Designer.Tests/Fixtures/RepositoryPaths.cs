namespace CaseFlow.Designer.Tests.Fixtures;

/// <summary>Where the built server is and where screenshots go, found from the test's output directory.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CaseFlow.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CaseFlow.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// <c>CaseFlow.Server/bin/&lt;configuration&gt;/net10.0/CaseFlow.Server.dll</c>: run from its own build output so its
    /// static web assets manifest finds the Designer's files.
    /// </summary>
    public static string ServerAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0
        var built = Path.Combine(Root(), "CaseFlow.Server", "bin", configuration, "net10.0", "CaseFlow.Server.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException("Build CaseFlow.Server first.", built);
    }

    public static string Screenshot(string name)
    {
        var directory = Path.Combine(Root(), "docs", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }
}
