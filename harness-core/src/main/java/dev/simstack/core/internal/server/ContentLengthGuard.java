package dev.simstack.core.internal.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a request whose Content-Length values disagree (RFC 9112 §6.3: the message framing is invalid;
 * answer 400 and close). Netty's decoder checks this for HTTP/1.1 only; under HTTP/1.0 it takes the first
 * value, rewrites the header to it, and waits for bytes that never come. So the decoder is given
 * {@link #decoderConfig() headers} that remember every Content-Length they were handed.
 */
final class ContentLengthGuard extends ChannelInboundHandlerAdapter {

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest && hasConflictingLengths((HttpRequest) msg)) {
            refused = true;
            ReferenceCountUtil.release(msg);
            byte[] body = "Conflicting Content-Length values".getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (msg instanceof HttpContent && refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** The request decoder's configuration: Netty's defaults, with length-remembering headers. */
    static HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig().setHeadersFactory(new HttpHeadersFactory() {
            @Override
            public HttpHeaders newHeaders() {
                return new LengthRememberingHeaders();
            }

            @Override
            public HttpHeaders newEmptyHeaders() {
                return DefaultHttpHeadersFactory.headersFactory().newEmptyHeaders();
            }
        });
    }

    private static boolean hasConflictingLengths(HttpRequest request) {
        return request.headers() instanceof LengthRememberingHeaders
                && ((LengthRememberingHeaders) request.headers()).lengths.size() > 1;
    }

    /** Headers that keep every distinct Content-Length value the decoder adds, before it normalises them. */
    private static final class LengthRememberingHeaders extends DefaultHttpHeaders {
        private final Set<String> lengths = new HashSet<>(2);

        @Override
        public HttpHeaders add(CharSequence name, Object value) {
            if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
                for (String part : String.valueOf(value).split(",", -1)) {
                    lengths.add(part.trim());
                }
            }
            return super.add(name, value);
        }

        @Override
        public HttpHeaders add(String name, Object value) {
            return add((CharSequence) name, value);
        }
    }
}
