namespace CaseFlow.Server.Documents;

/// <summary>
/// Reduces a client's file name to a label that is safe to show and to put in a Content-Disposition header. It is never
/// used as a path: stored files are named by their document id.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 200;

    private const string Fallback = "document";

    private static readonly char[] Unsafe = ['"', '*', ':', '<', '>', '?', '|'];

    public static string From(string? raw)
    {
        // Browsers on Windows send "C:\Users\..\x.pdf"; a hostile client sends "../../etc/passwd". Keep the last segment only.
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && !Unsafe.Contains(c))]).Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return Fallback;
        }

        return name.Length <= MaxLength ? name : name[..MaxLength];
    }
}
