namespace CaseFlow.Workflows.Runtime;

/// <summary>The bookmark a command targets is no longer open: completed, fired or withdrawn.</summary>
public sealed class BookmarkNotFoundException : Exception
{
    public BookmarkNotFoundException()
    {
    }

    public BookmarkNotFoundException(string message) : base(message)
    {
    }

    public BookmarkNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public BookmarkNotFoundException(Guid bookmarkId) : base($"Bookmark {bookmarkId} is not open.")
    {
        BookmarkId = bookmarkId;
    }

    public Guid BookmarkId { get; }
}
