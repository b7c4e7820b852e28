package dev.simstack.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor's S3: PutObject and GetObject of the benchmark's objects ({@link S3Objects}). A request
 * body is discarded as it arrives, chunk by chunk (the least a server can do with it, whatever its
 * {@code aws-chunked} framing), and answered with what the engine answers: the object's ETag and CRC32
 * for a put, its bytes from a prepared direct buffer for a get. One per connection, before the
 * aggregator; requests of the JSON services pass through.
 */
final class ObjectFloor extends ChannelInboundHandlerAdapter {

    /** The prepared answers, shared by all connections. */
    static final class Answers {

        private final Map<Integer, FullHttpResponse> puts = new HashMap<>();
        private final Map<Integer, FullHttpResponse> gets = new HashMap<>();
        private final List<ByteBuf> bodies = new ArrayList<>();

        Answers() {
            for (int size : S3Objects.SIZES) {
                byte[] content = S3Objects.content(size);
                FullHttpResponse put = answer(Unpooled.EMPTY_BUFFER);
                put.headers().set(HttpHeaderNames.ETAG, S3Objects.etag(content));
                put.headers().set("x-amz-checksum-crc32", S3Objects.crc32(content));
                put.headers().set("x-amz-checksum-type", "FULL_OBJECT");
                puts.put(size, put);
                ByteBuf direct = Unpooled.directBuffer(size).writeBytes(content);
                bodies.add(direct);
                ByteBuf body = Unpooled.unreleasableBuffer(direct);
                FullHttpResponse get = answer(body);
                get.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
                get.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
                get.headers().set(HttpHeaderNames.ETAG, S3Objects.etag(content));
                get.headers().set(HttpHeaderNames.LAST_MODIFIED, "Sat, 28 Nov 2026 11:25:44 GMT");
                gets.put(size, get);
            }
        }

        private static FullHttpResponse answer(ByteBuf body) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            response.headers().set("x-amz-id-2", "MDYzMzhhMmUtNTQyOS00Nzg3LWFiNGUtZDI3ZDY5ZGIwNjRl");
            response.headers().set("x-amz-request-id", FloorServer.REQUEST_ID);
            response.headers().set("x-amz-server-side-encryption", "AES256");
            return response;
        }

        /** Frees the prepared bodies (each answer sent only a duplicate of them). */
        void release() {
            bodies.forEach(ByteBuf::release);
            bodies.clear();
        }

        FullHttpResponse answer(HttpMethod method, String path) {
            // path-style: /{bucket}/{size}/{name}
            int keyStart = path.indexOf('/', 1) + 1;
            int size = keyStart == 0 ? -1 : S3Objects.sizeOf(path.substring(keyStart));
            FullHttpResponse answer = (method.equals(HttpMethod.GET) ? gets : puts).get(size);
            if (answer == null) {
                FullHttpResponse missing = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.NOT_IMPLEMENTED, Unpooled.EMPTY_BUFFER);
                missing.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                return missing;
            }
            return answer.retainedDuplicate();
        }
    }

    private final Answers answers;
    private HttpMethod method;
    private String path;

    ObjectFloor(Answers answers) {
        this.answers = answers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request && isObjectRequest(request)) {
            method = request.method();
            path = request.uri();
        }
        if (method == null) {
            ctx.fireChannelRead(message);
            return;
        }
        boolean last = message instanceof LastHttpContent;
        if (message instanceof HttpContent || message instanceof HttpRequest) {
            ReferenceCountUtil.release(message);
        }
        if (last) {
            ctx.writeAndFlush(answers.answer(method, path));
            method = null;
        }
    }

    private static boolean isObjectRequest(HttpRequest request) {
        return !request.headers().contains("X-Amz-Target") && !request.uri().startsWith(FloorServer.INVOKE_PATH);
    }
}
