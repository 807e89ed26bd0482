using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiamServer.Risk;

/// <summary>The JSON stored with a sign-in attempt: <c>SignInAttempt.InputsJson</c> (an object of
/// <see cref="RiskInputs"/>) and <c>SignInAttempt.ReasonsJson</c> (an array of { signal, points, message }),
/// camelCase, nulls left out.</summary>
public static class RiskJson
{
    public static string SerializeInputs(RiskInputs inputs) => JsonSerializer.Serialize(inputs, RiskJsonContext.Default.RiskInputs);

    public static RiskInputs DeserializeInputs(string json) =>
        JsonSerializer.Deserialize(json, RiskJsonContext.Default.RiskInputs)
        ?? throw new JsonException("The stored risk inputs are null.");

    public static string SerializeReasons(IReadOnlyList<RiskReason> reasons) =>
        JsonSerializer.Serialize(reasons, RiskJsonContext.Default.IReadOnlyListRiskReason);

    public static IReadOnlyList<RiskReason> DeserializeReasons(string json) =>
        JsonSerializer.Deserialize(json, RiskJsonContext.Default.IReadOnlyListRiskReason) ?? [];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RiskInputs))]
[JsonSerializable(typeof(IReadOnlyList<RiskReason>))]
internal sealed partial class RiskJsonContext : JsonSerializerContext;
