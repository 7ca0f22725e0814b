namespace Referral.Api.Tests.Infrastructure.Contract;

/// <summary>
/// A response openapi.yaml does not describe. Thrown from the client's handler so the test that
/// received it fails, whatever it asserts itself.
/// </summary>
public sealed class ContractViolationException(string message)
    : Exception("The response breaks the contract (openapi.yaml): " + message);
