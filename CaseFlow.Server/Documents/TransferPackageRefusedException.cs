namespace CaseFlow.Server.Documents;

/// <summary>The transfer package cannot be sealed: a required Order 310 Art. 6 item is missing, or a file no longer matches its hash.</summary>
public sealed class TransferPackageRefusedException : Exception
{
    public TransferPackageRefusedException()
    {
    }

    public TransferPackageRefusedException(string message) : base(message)
    {
    }

    public TransferPackageRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
