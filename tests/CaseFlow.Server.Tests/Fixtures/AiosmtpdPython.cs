using System.ComponentModel;
using System.Diagnostics;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Finds a Python interpreter that can run aiosmtpd.</summary>
/// <remarks>
/// Debian's python3-aiosmtpd package is visible only to the system interpreter, which a pyenv or venv
/// python3 earlier on PATH would hide; so look past PATH instead of failing. <c>build/test.sh</c> sets
/// <c>CASEFLOW_TEST_PYTHON</c> to the interpreter it checked.
/// </remarks>
internal static class AiosmtpdPython
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The interpreter to run; throws with install instructions when there is none.</summary>
    public static string Path => Found.Value;

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("CASEFLOW_TEST_PYTHON");
        string[] candidates = string.IsNullOrWhiteSpace(configured) ? ["python3", "/usr/bin/python3"] : [configured];
        foreach (var candidate in candidates)
        {
            if (CanImportAiosmtpd(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No Python with aiosmtpd found (tried {string.Join(", ", candidates)}). Run 'bash build/test.sh', which installs it, or 'apt-get install python3-aiosmtpd'.");
    }

    private static bool CanImportAiosmtpd(string python)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (probe is null)
            {
                return false;
            }

            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false; // no such executable
        }
    }
}
