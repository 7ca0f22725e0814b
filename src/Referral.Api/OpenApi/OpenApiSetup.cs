using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Referral.Api.Security;

namespace Referral.Api.OpenApi;

/// <summary>
/// The one OpenAPI generator (Microsoft.AspNetCore.OpenApi). The document must not depend on
/// the request, because the committed openapi.yaml is compared with it byte for byte.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Health"] = "Liveness and readiness probes for orchestrators and load balancers.",
        ["Vocabularies"] = "The controlled vocabularies every code in the API comes from.",
        ["Services"] = "The directory of peer support services: open to read, changed by directory administrators.",
        ["Profiles"] = "Patient preference profiles, recorded with consent by a GP practice and visible only to it.",
        ["Recommendations"] = "The matching engine: ranked, explained recommendations for a patient, and the published model behind them.",
        ["Referrals"] = "Referrals with clinician endorsements, tracked until the loop closes, with an append-only audit trail.",
        ["GP record"] = "What goes back to the patient's GP record: SNOMED CT coded events, the closure summary (JSON, PDF, FHIR document) and the patient's choice of full summary or codes only.",
        ["Outcomes"] = "Outcome measures of a referral: ONS4 personal wellbeing at baseline and follow-up, with UCLA-3 at follow-up. Personal data, scoped to the practice and erased with the profile.",
        ["Insights"] = "What works, for whom: endorsement and uptake, format and personality, what people value, why they decline, wellbeing change. An analyst reads all practices pooled, a practice its own; every figure passes disclosure control. JSON, CSV or SVG by Accept.",
        ["FHIR"] = "A read-only FHIR R4 UK Core facade under /fhir: CapabilityStatement, HealthcareService, ServiceRequest and Task. Same keys and practice scoping; answers and errors are application/fhir+json (errors as OperationOutcome).",
        ["Open Referral UK"] = "The directory as an Open Referral UK 3.0 (HSDS-UK) feed under /oruk: open to anyone, with Access-Control-Allow-Origin: *; members without a value are left out.",
        ["Imports"] = "Imports of Open Referral UK 3.0 feeds into the directory, for directory administrators.",
    };

    public static IServiceCollection AddReferralOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = SchemaNameAttribute.Of;
            options.AddExamples();
            options.AddSchemaTransformer(VocabularyEnums.Apply);
            options.AddPropertyFacts();
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Referral API",
                    Version = "v1",
                    Description =
                        "Peer support referral and matching for UK general practice: a directory of peer support services, " +
                        "patient preference profiles, a matching engine that explains every rank, and referrals with clinician " +
                        "endorsements tracked until the loop closes. Errors are RFC 9457 application/problem+json.",
                    License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
                    Contact = new OpenApiContact { Name = "Referral maintainers: report a problem with the API or this contract as an issue in the project's repository" },
                };
                // Variables rather than the requesting host, so the document is the same wherever
                // the API runs (the contract test compares it byte for byte); clients fill in their host.
                document.Servers = [new OpenApiServer
                {
                    Url = "{scheme}://{host}",
                    Description = "The Referral API host you were given. The defaults are a local run (dotnet run --project src/Referral.Api).",
                    Variables = new Dictionary<string, OpenApiServerVariable>
                    {
                        ["scheme"] = new() { Default = "http", Enum = ["https", "http"], Description = "https for any deployment; http only for a local run." },
                        ["host"] = new() { Default = "localhost:5080", Description = "Host name and, if not the scheme's default, port." },
                    },
                }];
                document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeys.HeaderName,
                    Description = "An API key with one role: directory-admin, practice (bound to one GP practice's ODS code) or analyst. Ask the operator for one.",
                };
                return Task.CompletedTask;
            });

            // What the generator cannot see from the endpoints' types, stated by convention.
            options.AddDocumentTransformer((document, _, _) =>
            {
                ProblemSchemas.Apply(document);
                RequestHeaders.Apply(document);
                ResponseHeaders.Apply(document);
                AuditDetailSchema.Apply(document);
                ExclusionsSchema.Apply(document);
                FhirContract.Apply(document);
                InsightsContract.Apply(document);
                return Task.CompletedTask;
            });

            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
                    });
                }
                else
                {
                    // Open by design (Open Referral UK directories are public): say so explicitly.
                    operation.Security = [new OpenApiSecurityRequirement()];
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }
}
