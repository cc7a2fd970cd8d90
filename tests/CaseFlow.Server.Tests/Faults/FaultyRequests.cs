using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// A client that keeps repeating a request while the server answers that it may (503 with Retry-After) or the answer
/// is lost (connection cut, timeout), as a well-behaved client of CaseFlow should; it records every answer, so a test
/// can show that nothing but a final answer or a retryable one was ever given.
/// </summary>
internal sealed class FaultyRequests(HttpClient client, TimeSpan giveUpAfter)
{
    /// <summary>Every status code answered, retries included; 0 for an answer lost to the connection.</summary>
    public ConcurrentBag<int> Answers { get; } = [];

    /// <summary>Answers that are neither final nor retryable, with their bodies (a 500, a 503 without Retry-After).</summary>
    public ConcurrentBag<string> Wrong { get; } = [];

    /// <summary>Sends until a final answer; <c>Ambiguous</c> says whether an earlier attempt's fate was unknown to the client.</summary>
    public async Task<(HttpResponseMessage Response, bool Ambiguous)> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var ambiguous = false;
        var deadline = Environment.TickCount64 + (long)giveUpAfter.TotalMilliseconds;
        while (true)
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"No final answer within {giveUpAfter.TotalSeconds} s; answers so far: {string.Join(',', Answers)}");
            }

            HttpResponseMessage response;
            try
            {
                using var message = request();
                response = await client.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Answers.Add(0);
                ambiguous = true;
                await Task.Delay(200, cancellationToken);
                continue;
            }

            Answers.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (response.Headers.RetryAfter?.Delta is not { } wait || !problem)
                {
                    Wrong.Add($"503 without Retry-After or ProblemDetails: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    wait = TimeSpan.FromSeconds(1);
                }

                ambiguous = true;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, 500)), cancellationToken); // shorter than told: the test has little time
                continue;
            }

            if ((int)response.StatusCode >= 500)
            {
                Wrong.Add($"{(int)response.StatusCode} {request().RequestUri}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            return (response, ambiguous);
        }
    }

    public Task<(HttpResponseMessage Response, bool Ambiguous)> PostAsync(string uri, object body, string? idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
                if (idempotencyKey is not null)
                {
                    message.Headers.Add("Idempotency-Key", idempotencyKey);
                }

                return message;
            },
            cancellationToken);

    public Task<(HttpResponseMessage Response, bool Ambiguous)> GetAsync(string uri, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
}
