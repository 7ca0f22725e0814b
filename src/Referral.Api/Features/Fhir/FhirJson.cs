using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace Referral.Api.Features.Fhir;

/// <summary>FHIR JSON as the Firely SDK writes it, with the FHIR media type.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => Serializer.SerializeToString(resource);

    public static IResult Result(Resource resource, int status = StatusCodes.Status200OK) => new FhirResult(resource, status);

    private sealed class FhirResult(Resource resource, int status) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
    {
        public int? StatusCode => status;

        public string ContentType => MediaType + "; charset=utf-8";

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = ContentType;
            return httpContext.Response.WriteAsync(Serialize(resource), httpContext.RequestAborted);
        }
    }
}
