package dev.simstack.core.internal.server;

import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.WireCut;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedStream;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each HTTP request, aggregated or spooled, into an {@link HttpExchange}, dispatches it, and writes
 * the answer (streaming a large body in chunks).
 */
final class ExchangeHandler extends SimpleChannelInboundHandler<Object> {

    private static final int CHUNK_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);

    private final RequestHandler handler;

    ExchangeHandler(RequestHandler handler) {
        this.handler = handler;
    }

    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof FullHttpRequest || msg instanceof SpooledRequest;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof SpooledRequest spooled) {
            readSpooled(ctx, spooled);
            return;
        }
        FullHttpRequest request = (FullHttpRequest) msg;
        if (!request.decoderResult().isSuccess()) {
            writeAndClose(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request: "
                    + request.decoderResult().cause().getMessage()));
            return;
        }
        dispatch(ctx, request, ByteBufUtil.getBytes(request.content()), null);
    }

    /** A request whose body {@link BodySpooler} streamed aside (S3); the spool is freed once answered. */
    private void readSpooled(ChannelHandlerContext ctx, SpooledRequest spooled) {
        if (spooled.failure() != null) {
            spooled.body().discard();
            writeAndClose(ctx, plain(HttpResponseStatus.BAD_REQUEST, spooled.failure()));
            return;
        }
        dispatch(ctx, spooled.head(), new byte[0], spooled.body());
    }

    private void dispatch(ChannelHandlerContext ctx, HttpRequest request, byte[] body, FileSpool spool) {
        HttpExchange exchange;
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8, true, 1024);
            exchange = new HttpExchange(request.method().name(), uri.rawPath(), uri.parameters(), request.headers(),
                    body, spool);
        } catch (IllegalArgumentException e) {
            if (spool != null) {
                spool.discard();
            }
            writeAndClose(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Malformed request URI: " + e.getMessage()));
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        handler.handle(exchange).whenComplete((answer, failure) -> {
            if (spool != null) {
                spool.discard();
            }
            if (failure != null) {
                LOG.warn("SimStack could not answer {} {}", exchange.method(), exchange.path(), failure);
                writeAndClose(ctx, plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "SimStack engine failure"));
            } else if (answer.cut() != null && !(head && answer.cut().kind() == WireCut.Kind.TRUNCATED)) {
                BrokenAnswer.write(ctx, answer);
            } else if (head) {
                write(ctx, withoutBody(answer), keepAlive);
            } else if (answer.streamed() != null) {
                writeStreamed(ctx, answer, keepAlive);
            } else {
                write(ctx, answer, keepAlive);
            }
        });
    }

    /** HTTP forbids a body on a HEAD answer, whichever protocol produced it; the length is what GET sends. */
    private static HttpAnswer withoutBody(HttpAnswer answer) {
        if (answer.streamed() != null) {
            try {
                answer.streamed().stream().close();
            } catch (java.io.IOException e) {
                LOG.debug("could not close an unsent body: {}", e.toString());
            }
        }
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(answer.headers());
        long length = answer.streamed() != null ? answer.streamed().length() : answer.body().length;
        headers.putIfAbsent(HttpAnswer.CONTENT_LENGTH, Long.toString(length));
        return new HttpAnswer(answer.status(), answer.contentType(), headers, new byte[0]);
    }

    private static void write(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        headers(response, answer, keepAlive);
        if (!answer.headers().containsKey(HttpAnswer.CONTENT_LENGTH)) {
            // A HEAD answer sets Content-Length itself: the length of what a GET would send.
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        }
        finish(ctx.writeAndFlush(response), keepAlive);
    }

    /** Writes a large body in chunks from its stream, which the chunked writer closes when done. */
    private static void writeStreamed(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive) {
        if (answer.streamed().memory() != null) {
            // Bytes already in the heap go out as they are: no chunking, no copy of ours.
            FullHttpResponse whole = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.streamed().memory()));
            headers(whole, answer, keepAlive);
            whole.headers().set(HttpHeaderNames.CONTENT_LENGTH, answer.streamed().length());
            finish(ctx.writeAndFlush(whole), keepAlive);
            return;
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()));
        headers(response, answer, keepAlive);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, answer.streamed().length());
        ctx.write(response);
        ChannelFuture done = ctx.writeAndFlush(new HttpChunkedInput(new ChunkedStream(answer.streamed().stream(),
                CHUNK_BYTES)));
        finish(done, keepAlive);
    }

    private static void headers(HttpResponse response, HttpAnswer answer, boolean keepAlive) {
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.headers().set(header.getKey(), header.getValue());
        }
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }

    private static void finish(ChannelFuture written, boolean keepAlive) {
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void writeAndClose(ChannelHandlerContext ctx, FullHttpResponse response) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static FullHttpResponse plain(HttpResponseStatus status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection failed: {}", cause.toString());
        ctx.close();
    }
}
