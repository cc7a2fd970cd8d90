namespace CaseFlow.Server.Documents;

/// <summary>Registers case document storage and the transfer package sealer.</summary>
public static class DocumentsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCaseFlowDocuments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DocumentStorage>();
        builder.Services.AddScoped<DocumentFileJournal>();
        builder.Services.AddScoped<TransferPackageSealer>();
        return builder;
    }
}
