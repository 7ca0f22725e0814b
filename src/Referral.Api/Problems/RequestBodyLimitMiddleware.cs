namespace Referral.Api.Problems;

/// <summary>
/// Refuses bodies over the configured size with 413. Kestrel enforces its own limit too, but
/// this one holds wherever the app is hosted (including the in-memory test server) and for
/// chunked bodies that announce no length. It applies only to endpoints that read a body: the
/// others never read what is sent, and their contract declares no 413.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _limit = configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 65536;

    public Task InvokeAsync(HttpContext context)
    {
        if (!EndpointBody.IsRead(context))
        {
            return next(context);
        }

        if (context.Request.ContentLength > _limit)
        {
            throw TooLarge();
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LimitedStream(context.Request.Body, _limit, TooLarge);
        }

        return next(context);
    }

    private BadHttpRequestException TooLarge() =>
        new($"The request body is larger than the limit of {_limit} bytes.", StatusCodes.Status413PayloadTooLarge);

    private sealed class LimitedStream(Stream inner, long limit, Func<Exception> tooLarge) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw tooLarge() : read;
        }
    }
}
