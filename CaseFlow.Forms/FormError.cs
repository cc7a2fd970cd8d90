namespace CaseFlow.Forms;

/// <summary>Why a value was refused, in Chinese and English; the server puts the caller's language first.</summary>
public sealed record FormError(string MessageZh, string Message)
{
    /// <summary>Both messages, the one in <paramref name="language"/> (<c>zh</c> or <c>en</c>) first.</summary>
    public string[] InOrder(string language) => language == "en" ? [Message, MessageZh] : [MessageZh, Message];
}
