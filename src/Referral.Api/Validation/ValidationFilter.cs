using Microsoft.AspNetCore.Http.HttpResults;
using System.Reflection;
using FluentValidation;

namespace Referral.Api.Validation;

/// <summary>
/// Runs the FluentValidation validator of every handler argument that has one, before the
/// handler, and answers 400 with every broken rule at once. Endpoints without validated
/// arguments get no filter, and those with them declare the 400 in their OpenAPI metadata.
/// Adapted from davidfowl/TodoApi's ValidationFilter.
/// </summary>
public static class ValidationFilter
{
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var method = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var isService = endpoint.ApplicationServices.GetService<IServiceProviderIsService>();
            if (method is null || isService is null)
            {
                return;
            }

            // An argument is checked when it has a validator or declares limits of its own.
            var validated = method.GetParameters()
                .Select((parameter, index) => (Index: index, Type: parameter.ParameterType, Validator: typeof(IValidator<>).MakeGenericType(parameter.ParameterType)))
                .Where(p => isService.IsService(p.Validator) || DeclaredLimits.Declares(p.Type))
                .Select(p => (p.Index, Validator: isService.IsService(p.Validator) ? p.Validator : null))
                .ToArray();
            if (validated.Length == 0)
            {
                return;
            }

            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
                StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));

            endpoint.FilterFactories.Add((_, next) => async context =>
            {
                foreach (var (index, validatorType) in validated)
                {
                    if (context.Arguments[index] is not { } argument)
                    {
                        continue;
                    }

                    var controlled = ControlCharacters.FieldsWithControlCharacters(argument).ToList();
                    if (controlled.Count > 0)
                    {
                        return Invalid(controlled.ToDictionary(f => f, f => new[] { ControlCharacters.Message(f) }));
                    }

                    // The declared limits first: a field over its limit gets that one message, and the
                    // validator's rules report every other field in the same answer.
                    var errors = DeclaredLimits.Broken(argument).ToDictionary(e => e.Key, e => new[] { e.Value });
                    if (validatorType is not null)
                    {
                        var validator = (IValidator)context.HttpContext.RequestServices.GetRequiredService(validatorType);
                        var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
                        foreach (var (field, messages) in result.ToDictionary())
                        {
                            errors.TryAdd(field, messages);
                        }
                    }

                    if (errors.Count > 0)
                    {
                        return Invalid(errors);
                    }
                }

                return await next(context);
            });
        });
        return builder;
    }

    private static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            title: "The request has invalid fields",
            detail: string.Join(" ", errors.Values.SelectMany(e => e).Distinct().Take(5)));
}
