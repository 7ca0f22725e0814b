namespace Referral.Matching.Constraints;

/// <summary>
/// The hard constraints, in the order they are checked. A service that fails several is counted
/// once, under the first.
/// </summary>
internal enum ExclusionReason
{
    NotActive,
    Age,
    Gender,
    Full,
    OtherNeeds,
    AvoidedFormat,
    TooFar,
    OutOfArea,
    Cost,
    Language,
    Access,
}
