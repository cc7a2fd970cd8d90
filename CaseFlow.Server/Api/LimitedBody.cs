namespace CaseFlow.Server.Api;

/// <summary>Reads a request body with a size cap, without trusting Content-Length, so a huge body costs little.</summary>
internal static class LimitedBody
{
    /// <summary>The body's bytes, or null when it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }

    public static IResult TooLarge(int maxBytes) => TypedResults.Problem(
        $"The request body is larger than {maxBytes / 1024} KB; shorten it or upload attachments separately.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Too large");
}
