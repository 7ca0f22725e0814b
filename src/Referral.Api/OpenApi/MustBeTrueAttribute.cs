namespace Referral.Api.OpenApi;

/// <summary>
/// A flag the API refuses unless it is true (consent.storeProfile). The handler enforces it with
/// its own problem; this puts it in the contract as enum [true], which a generator can check.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeTrueAttribute : Attribute;
