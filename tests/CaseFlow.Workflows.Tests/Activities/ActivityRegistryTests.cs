using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Workflows.Activities;

namespace CaseFlow.Workflows.Tests.Activities;

public class ActivityRegistryTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly ActivityRegistry _registry = new();

    [Fact]
    public void Registry_DiscoversBuiltInActivities()
    {
        Assert.Equal(["AddTimelineEntry", "AssignToOffice", "CaseDeadline", "OpenLinkedCase", "RecordDuplicateDecision", "RecordPoliceDecision", "RecordRegulatorReceipt", "SealTransferPackage", "SendEmail", "SetCaseOutcome", "SetCaseStatus"], _registry.Descriptors.Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Descriptor_DescribesSendEmailInputsInOrder()
    {
        var sendEmail = _registry.Find("SendEmail")!;

        Assert.Equal("Notification", sendEmail.Category);
        Assert.Equal("发送邮件", sendEmail.DisplayName);
        Assert.Equal("Send email", sendEmail.DisplayNameEn);
        Assert.Equal(["to", "subject", "body", "template", "fields"], sendEmail.Inputs.Select(i => i.Name));
        Assert.Equal(["to", "subject", "body"], sendEmail.Inputs.Where(i => i.Required).Select(i => i.Name));
        Assert.Equal([null, "template", "template", null, null], sendEmail.Inputs.Select(i => i.RequiredUnless)); // subject and body, or a template
        Assert.Equal(["string", "string", "string", "string", "json"], sendEmail.Inputs.Select(i => i.Type));
    }

    [Fact]
    public void Descriptor_ListsCaseStatusNames_ForStatusInput()
    {
        var status = _registry.Find("SetCaseStatus")!.Inputs.Single(i => i.Name == "status");

        Assert.Equal("enum", status.Type);
        Assert.Equal(["Registered", "Accepted", "Refused", "Assigned", "Mediating", "Closed", "Suspended", "Verifying", "Filed", "NotFiled", "Transferred", "Decided"], status.Options);
    }

    [Fact]
    public void Descriptors_SerializeAsCamelCaseJson()
    {
        var json = JsonSerializer.Serialize(_registry.Descriptors, Web);

        var first = JsonNode.Parse(json)!.AsArray()[0]!.AsObject();
        Assert.True(first.ContainsKey("name"));
        Assert.True(first.ContainsKey("displayNameZh"));
        Assert.True(first["inputs"]!.AsArray()[0]!.AsObject().ContainsKey("required"));
    }

    [Fact]
    public void Registry_RefusesTypesWithoutActivityAttribute()
    {
        Assert.Throws<ArgumentException>(() => new ActivityRegistry([typeof(string)]));
    }

    [Fact]
    public void Create_BindsInputsToProperties()
    {
        var activity = Assert.IsType<SendEmail>(_registry.Create("SendEmail", new Dictionary<string, JsonNode?> { ["to"] = "a@b.cn", ["subject"] = 42 }));

        Assert.Equal("a@b.cn", activity.To);
        Assert.Equal("42", activity.Subject);
        Assert.Null(activity.Body);
    }

    [Fact]
    public void Create_Throws_ForInvalidEnumValue()
    {
        Assert.Throws<ActivityInputException>(() => _registry.Create("SetCaseStatus", new Dictionary<string, JsonNode?> { ["status"] = "Nope" }));
    }
}
