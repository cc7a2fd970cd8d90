using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;

namespace CaseFlow.Benchmarks;

/// <summary>
/// What encrypting personal data at rest (issue 18 item 6) adds to one intake's save and one case read: the four
/// contact fields and two lookup hashes, and the instance state (about 1.5 KB of JSON after intake, as the load
/// driver's raw baseline assumes). The baseline writes the same bytes base64-encoded without encryption, the least
/// any text encoding of them would cost.
/// </summary>
[MemoryDiagnoser]
public class PersonalDataBenchmarks
{
    private static readonly string[] Contact = ["欧阳静怡", "13912345678", "ouyang.jingyi@example.cn", "甘肃省兰州市城关区东岗西路638号"];
    private readonly PersonalDataProtector protector = new(RandomNumberGenerator.GetBytes(32));
    private string state = null!;
    private string sealedState = null!;
    private string[] sealedContact = null!;

    [GlobalSetup]
    public void Setup()
    {
        state = "{\"variables\":{" + string.Join(",", Enumerable.Range(0, 30).Select(i => $"\"field{i}\":\"投诉事项说明{i:D3}，内容若干\"")) + "},\"tokens\":[]}";
        sealedState = PersonalDataColumns.Seal(protector, state);
        sealedContact = [.. Contact.Select(c => PersonalDataColumns.Seal(protector, c))];
    }

    [Benchmark(Baseline = true, Description = "baseline: base64 of the intake's contact fields and state")]
    public int Base64Only()
    {
        var length = Convert.ToBase64String(Encoding.UTF8.GetBytes(state)).Length;
        foreach (var value in Contact)
        {
            length += Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Length;
        }

        return length;
    }

    [Benchmark(Description = "intake save: seal 4 contact fields + state, 2 lookup hashes")]
    public int SealIntake()
    {
        var length = PersonalDataColumns.Seal(protector, state).Length;
        foreach (var value in Contact)
        {
            length += PersonalDataColumns.Seal(protector, value).Length;
        }

        return length + protector.PhoneHash(Contact[1])!.Length + protector.AddressHash(Contact[3])!.Length;
    }

    [Benchmark(Description = "case read: open 4 contact fields + state")]
    public int OpenCase()
    {
        var length = PersonalDataColumns.Open(protector, sealedState).Length;
        foreach (var value in sealedContact)
        {
            length += PersonalDataColumns.Open(protector, value).Length;
        }

        return length;
    }
}
