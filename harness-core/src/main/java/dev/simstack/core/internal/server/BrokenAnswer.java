package dev.simstack.core.internal.server;

import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.WireCut;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an answer that a wire fault breaks ({@link HttpAnswer#cut()}): what a client sees when a connection
 * is reset, dropped, or cut mid-body, below HTTP, so that its own retries and timeouts are what runs.
 */
final class BrokenAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(BrokenAnswer.class);

    private BrokenAnswer() {
    }

    static void write(ChannelHandlerContext ctx, HttpAnswer answer) {
        WireCut cut = answer.cut();
        switch (cut.kind()) {
            case RESET -> {
                // SO_LINGER 0 makes close() send a TCP RST instead of a FIN: the client reads "Connection reset".
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.close();
            }
            case NO_ANSWER -> LOG.debug("holding a connection without an answer (a dropped-connection fault)");
            case TRUNCATED -> truncated(ctx, answer, cut.keptFraction());
        }
    }

    /** The full head, its Content-Length the whole body's, then part of the body and a close. */
    private static void truncated(ChannelHandlerContext ctx, HttpAnswer answer, double keptFraction) {
        byte[] body = body(answer);
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()));
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.headers().set(header.getKey(), header.getValue());
        }
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        int kept = (int) Math.floor(body.length * keptFraction);
        ctx.write(response);
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(body, 0, kept)))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static byte[] body(HttpAnswer answer) {
        if (answer.streamed() == null) {
            return answer.body();
        }
        if (answer.streamed().memory() != null) {
            ByteBuffer memory = answer.streamed().memory().duplicate();
            byte[] bytes = new byte[memory.remaining()];
            memory.get(bytes);
            return bytes;
        }
        try (InputStream stream = answer.streamed().stream()) {
            return stream.readAllBytes();
        } catch (IOException e) {
            LOG.debug("could not read a body to truncate: {}", e.toString());
            return new byte[0];
        }
    }
}
