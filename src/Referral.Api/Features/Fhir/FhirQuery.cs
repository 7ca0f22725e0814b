using System.Globalization;
using Hl7.Fhir.Utility;
using Referral.Api.Validation;

namespace Referral.Api.Features.Fhir;

/// <summary>
/// Reads a FHIR query string strictly: a parameter the search does not support, a repeated one or
/// a malformed value is a 400 OperationOutcome naming the parameter and the rule, never the value
/// (an NHS number sent in the wrong place must not come back in an error).
/// </summary>
public sealed class FhirQuery
{
    private readonly IQueryCollection _query;
    private readonly List<string> _errors = [];

    private FhirQuery(IQueryCollection query) => _query = query;

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Whether the client asked for a format other than JSON (406).</summary>
    public bool NotAcceptable { get; private set; }

    public static FhirQuery Read(IQueryCollection query, IReadOnlyList<FhirSearchParameter> parameters)
    {
        var read = new FhirQuery(query);
        var known = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (query.Keys.Any(k => !known.Contains(k)))
        {
            read._errors.Add($"A search parameter is not supported here; the supported ones are {string.Join(", ", known)}.");
        }

        foreach (var key in query.Keys.Where(known.Contains).Where(k => query[k].Count > 1))
        {
            read._errors.Add($"'{key}' is given more than once; give it once (a comma-separated list where the parameter takes several values).");
        }

        if (read.Text(FhirSearchParameters.Format.Name) is { } format && !FhirSearchParameters.Format.Codes!.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            read.NotAcceptable = true;
        }

        return read;
    }

    public bool IsValid => _errors.Count == 0;

    /// <summary>The parameter's value, or null when it was not given (or given more than once).</summary>
    public string? Text(string name) => _query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    public int Count() => Integer(FhirSearchParameters.Count.Name, 1, Paging.MaxPageSize) ?? Paging.DefaultPageSize;

    public int Page() => Integer(FhirSearchParameters.Page.Name, 1, Paging.MaxPage) ?? 1;

    /// <summary>A normalised NHS number from patient:identifier, or null when it was not given.</summary>
    public string? NhsNumber()
    {
        var name = FhirSearchParameters.PatientIdentifier.Name;
        if (Text(name) is not { } token)
        {
            return null;
        }

        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar >= 0 && token[..bar] != FhirSystems.NhsNumber)
        {
            _errors.Add($"'{name}' takes the NHS number system {FhirSystems.NhsNumber} (or no system).");
            return null;
        }

        var number = Domain.Identifiers.NhsNumber.Normalise(token[(bar + 1)..]);
        if (number is null)
        {
            _errors.Add($"'{name}' must be a valid NHS number: 10 digits whose check digit is right (Modulus 11).");
        }

        return number;
    }

    /// <summary>The codes of a comma-separated token list, each one of the enum's FHIR literals; null when not given.</summary>
    public IReadOnlyList<TEnum>? Codes<TEnum>(string name) where TEnum : struct, Enum
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        var codes = new List<TEnum>();
        foreach (var part in text.Split(','))
        {
            if (EnumUtility.ParseLiteral<TEnum>(part) is { } code)
            {
                codes.Add(code);
            }
            else
            {
                var allowed = Enum.GetValues<TEnum>().Select(v => v.GetLiteral());
                _errors.Add($"'{name}' must be one or more of: {string.Join(", ", allowed)}.");
                return null;
            }
        }

        return codes;
    }

    /// <summary>The referral id a focus names: ServiceRequest/{id} or the id alone; null when not given.</summary>
    public Guid? Focus()
    {
        var name = FhirSearchParameters.Focus.Name;
        if (Text(name) is not { } text)
        {
            return null;
        }

        var id = text.StartsWith("ServiceRequest/", StringComparison.Ordinal) ? text["ServiceRequest/".Length..] : text;
        if (Guid.TryParseExact(id, "D", out var guid))
        {
            return guid;
        }

        _errors.Add($"'{name}' must be ServiceRequest/{{id}} or the id alone, the id a UUID.");
        return null;
    }

    public string? District(Domain.Geography.PostcodeDistricts districts, out Domain.Geography.GeoPoint? centre)
    {
        centre = null;
        var name = FhirSearchParameters.District.Name;
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (!districts.TryLocate(text, out var district, out var point))
        {
            _errors.Add($"'{name}' must be a known UK postcode district (LS6) or a postcode (LS6 3AA).");
            return null;
        }

        centre = point;
        return district;
    }

    private int? Integer(string name, int minimum, int maximum)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            _errors.Add($"'{name}' must be a whole number from {minimum} to {maximum}.");
            return null;
        }

        return value;
    }
}
