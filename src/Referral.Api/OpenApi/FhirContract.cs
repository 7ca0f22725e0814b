using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Referral.Api.Features.Fhir;
using Referral.Api.Features.GpRecord;

namespace Referral.Api.OpenApi;

/// <summary>
/// Describes the FHIR facade in the contract as it really answers: every body, errors included,
/// is application/fhir+json (errors as OperationOutcome), and the search parameters come from
/// <see cref="FhirSearchParameters"/>, the same definitions the searches read. The resources are
/// described loosely (their resourceType and a pointer to FHIR R4 and UK Core), as the FHIR
/// specification, not this contract, defines them. The closure summary's three forms are declared here too.
/// </summary>
internal static class FhirContract
{
    private const string Outcome = "FhirOperationOutcome";

    private static readonly string[] Severities = ["fatal", "error", "warning", "information"];

    private static readonly Dictionary<string, (string Schema, IReadOnlyList<FhirSearchParameter> Parameters, bool Search)> Operations = new()
    {
        ["FhirCapabilityStatement"] = ("FhirCapabilityStatement", FhirSearchParameters.Read, false),
        ["FhirSearchHealthcareServices"] = ("FhirBundle", FhirSearchParameters.HealthcareService, true),
        ["FhirReadHealthcareService"] = ("FhirHealthcareService", FhirSearchParameters.Read, false),
        ["FhirSearchServiceRequests"] = ("FhirBundle", FhirSearchParameters.ServiceRequest, true),
        ["FhirReadServiceRequest"] = ("FhirServiceRequest", FhirSearchParameters.Read, false),
        ["FhirSearchTasks"] = ("FhirBundle", FhirSearchParameters.Task, true),
        ["FhirReadTask"] = ("FhirTask", FhirSearchParameters.Read, false),
    };

    private static readonly Dictionary<string, (string ResourceType, string Description)> Resources = new()
    {
        ["FhirCapabilityStatement"] = ("CapabilityStatement", "A FHIR R4 CapabilityStatement (http://hl7.org/fhir/R4/capabilitystatement.html)."),
        ["FhirBundle"] = ("Bundle", "A FHIR R4 Bundle (http://hl7.org/fhir/R4/bundle.html): a searchset with total, self and next links and one entry per match, or the closure summary's document (a Composition, then the ServiceRequest and the Task)."),
        ["FhirHealthcareService"] = ("HealthcareService", "A FHIR R4 HealthcareService conforming to UK Core (https://fhir.hl7.org.uk/StructureDefinition/UKCore-HealthcareService): id is the service's id; providedBy, type (the formats), name, active, characteristic (conditions and communities), communication, telecom."),
        ["FhirServiceRequest"] = ("ServiceRequest", "A FHIR R4 ServiceRequest conforming to UK Core (https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest): id is the referral's id; status, intent, category, priority, code (SNOMED CT 871731000000106), subject (the NHS number), requester (the practice's ODS code), performer (the HealthcareService), authoredOn; note only with recordSharing full-summary."),
        ["FhirTask"] = ("Task", "A FHIR R4 Task conforming to UK Core (https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task): the referral's lifecycle; focus is its ServiceRequest, status is mapped from ours (README), businessStatus is our status code, statusReason a decline's reason code."),
        [Outcome] = ("OperationOutcome", "A FHIR R4 OperationOutcome (http://hl7.org/fhir/R4/operationoutcome.html): every error of the facade, with the HTTP status; issue[0].diagnostics says what is wrong."),
    };

    public static void Apply(OpenApiDocument document)
    {
        AddSchemas(document);
        foreach (var (path, _, operation) in DocumentWalk.Operations(document))
        {
            if (path.StartsWith(FhirApi.Root + "/", StringComparison.Ordinal) && operation.OperationId is { } id && Operations.TryGetValue(id, out var fhir))
            {
                Describe(document, operation, fhir.Schema, fhir.Parameters, fhir.Search);
            }
        }

        DescribeSummary(document);
    }

    private static void Describe(OpenApiDocument document, OpenApiOperation operation, string schema, IReadOnlyList<FhirSearchParameter> parameters, bool search)
    {
        var keyed = operation.Responses?.ContainsKey("401") == true;
        var read = operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true;
        operation.Parameters = [.. (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Path).Select(p => Path(p)), .. parameters.Select(Parameter)];

        var responses = new OpenApiResponses { ["200"] = Fhir(document, schema, search ? "The matches, as a searchset Bundle." : "The resource.") };
        responses["400"] = Fhir(document, Outcome, search
            ? "A search parameter the search does not support, one given twice, or a malformed value."
            : "A query parameter other than _format, or one given twice.");

        if (keyed)
        {
            responses["401"] = Fhir(document, Outcome, "No API key, or one that is not known.");
            responses["403"] = Fhir(document, Outcome, "A key that is not a practice's.");
        }

        if (read)
        {
            responses["404"] = Fhir(document, Outcome, keyed ? "No such resource for the key's practice (another practice's is the same 404)." : "No such resource.");
        }

        responses["406"] = Fhir(document, Outcome, "A _format other than JSON.");
        operation.Responses = responses;
    }

    // The closure summary: JSON (generated), a PDF, or a FHIR document Bundle, by Accept.
    private static void DescribeSummary(OpenApiDocument document)
    {
        var summary = DocumentWalk.Operations(document).Single(o => o.Operation.OperationId == "GetReferralSummary").Operation;
        var ok = (OpenApiResponse)summary.Responses!["200"];
        ok.Description = "The closure summary, in the form Accept asked for.";
        ok.Content![SummaryPdf.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "An A4 PDF to file in the patient's record as a document." },
        };
        ok.Content[FhirJson.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("FhirBundle", document) };
        DocumentWalk.AddHeader(ok, "Vary", new OpenApiHeader
        {
            Description = "Accept: the form depends on it.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        summary.Parameters ??= [];
        summary.Parameters.Add(new OpenApiParameter
        {
            Name = "Accept",
            In = ParameterLocation.Header,
            Description = $"The form of the summary: {string.Join(", ", SummaryFormats.All)}. JSON when absent or */*.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. SummaryFormats.All.Select(f => (JsonNode)JsonValue.Create(f))], Default = JsonValue.Create(SummaryFormats.Json) },
        });
    }

    private static OpenApiParameter Path(IOpenApiParameter generated) => new()
    {
        Name = generated.Name,
        In = ParameterLocation.Path,
        Required = true,
        Description = "The resource's id: our id for it (a UUID). Anything else is 404.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiParameter Parameter(FhirSearchParameter parameter) => new()
    {
        Name = parameter.Name,
        In = ParameterLocation.Query,
        Description = parameter.Description,
        Schema = parameter.IsInteger
            ? new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Examples = [JsonValue.Create(int.Parse(parameter.Example, System.Globalization.CultureInfo.InvariantCulture))] }
            : new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = parameter.Pattern,
                Enum = parameter.Codes?.Select(c => (JsonNode)JsonValue.Create(c)).ToList(),
                Examples = [JsonValue.Create(parameter.Example)],
            },
    };

    private static OpenApiResponse Fhir(OpenApiDocument document, string schema, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [FhirJson.MediaType] = new() { Schema = new OpenApiSchemaReference(schema, document) },
        },
    };

    private static void AddSchemas(OpenApiDocument document)
    {
        foreach (var (name, (type, description)) in Resources)
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = description,
                Required = new HashSet<string> { "resourceType" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)] },
                    ["id"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["meta"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "profile lists the UK Core profile the resource conforms to, where it has one.",
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["profile"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    },
                },
                AdditionalPropertiesAllowed = true,
            };
            if (name == Outcome)
            {
                schema.Required.Add("issue");
                schema.Properties["issue"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MinItems = 1,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "severity", "code" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["severity"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Severities.Select(s => (JsonNode)JsonValue.Create(s))] },
                            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The FHIR issue type (not-found, invalid, login, forbidden, not-supported, ...)." },
                            ["diagnostics"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                };
            }

            document.Components!.Schemas![name] = schema;
        }
    }
}
