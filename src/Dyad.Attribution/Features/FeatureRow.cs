namespace Dyad.Attribution.Features;

/// <summary>One attack as the model reads it (ML.NET maps the properties to columns by name).</summary>
/// <remarks>An empty string is a missing category and NaN a missing number; the model treats both as unknown.</remarks>
internal sealed class FeatureRow
{
    public string Label { get; set; } = "";
    public string Country { get; set; } = "";
    public string Province { get; set; } = "";
    public string District { get; set; } = "";
    public string Place { get; set; } = "";
    public string EventType { get; set; } = "";
    public string EventSubtype { get; set; } = "";
    public string AttackType { get; set; } = "";
    public string WeaponType { get; set; } = "";
    public string TargetType { get; set; } = "";
    public string TargetSubtype { get; set; } = "";
    public string WeaponSubtype { get; set; } = "";
    public string TargetNationality { get; set; } = "";
    public string Dataset { get; set; } = "";
    public string TargetCommunity { get; set; } = "";
    public string TargetKind { get; set; } = "";
    public string PlaceCommunity { get; set; } = "";

    /// <summary>The source's words with names and claims masked (see <see cref="TextMask"/>).</summary>
    public string Text { get; set; } = "";
    public float[] Numeric { get; set; } = [];

    public FeatureRow Clone()
    {
        var copy = (FeatureRow)MemberwiseClone();
        copy.Numeric = (float[])Numeric.Clone();
        return copy;
    }
}
