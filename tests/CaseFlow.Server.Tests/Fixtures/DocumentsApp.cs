namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>The server with a 64 KB document limit, so an oversize upload stays small.</summary>
public sealed class DocumentsApp : CaseFlowApp
{
    public const long MaxBytes = 64 * 1024;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("CaseFlow:Documents:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
