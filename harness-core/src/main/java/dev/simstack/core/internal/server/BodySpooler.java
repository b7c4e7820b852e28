package dev.simstack.core.internal.server;

import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.protocol.WireProtocols;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sits before the aggregator and takes over every request that is neither AWS JSON nor AWS Query (that
 * is, the REST protocols: S3's above all, also Lambda's and API Gateway's): their bodies go to a
 * {@link FileSpool} chunk by chunk, so an S3 object body is never held whole in the heap, nor capped by
 * the aggregator's limit. JSON and Query requests pass on to the aggregator untouched.
 */
final class BodySpooler extends ChannelInboundHandlerAdapter {

    private final ScratchDirectory scratch;
    private HttpRequest head;
    private FileSpool spool;
    private String failure;

    BodySpooler(ScratchDirectory scratch) {
        this.scratch = scratch;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && !(msg instanceof HttpContent)) {
            QueryStringDecoder uri = takesOver(request);
            if (uri != null) {
                head = request;
                boolean upload = request.method().equals(HttpMethod.PUT)
                        && WireProtocols.mayBeS3(uri.rawPath(), request.headers(), uri.parameters());
                spool = new FileSpool(scratch, request, upload);
                failure = null;
                return;
            }
        }
        if (msg instanceof HttpContent content && spool != null) {
            append(content);
            if (msg instanceof LastHttpContent) {
                SpooledRequest done = finish();
                ctx.fireChannelRead(done);
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** The request's decoded URI if this handler takes the request over, else null. */
    private static QueryStringDecoder takesOver(HttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            return null;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8, true, 1024);
        try {
            return WireProtocols.isJsonOrQuery(request.headers(), uri.parameters()) ? null : uri;
        } catch (IllegalArgumentException e) {
            return null; // a malformed URI: the aggregated path answers it
        }
    }

    private void append(HttpContent content) {
        try {
            if (content.decoderResult().isFailure()) {
                failure = "Malformed HTTP body: " + content.decoderResult().cause().getMessage();
            } else if (failure == null) {
                spool.append(content.content());
            }
        } catch (IOException | RuntimeException e) {
            failure = "SimStack could not spool the request body: " + e;
        } finally {
            content.release();
        }
    }

    private SpooledRequest finish() {
        try {
            spool.finish();
        } catch (IOException e) {
            failure = "SimStack could not spool the request body: " + e;
        }
        SpooledRequest done = new SpooledRequest(head, spool, failure);
        head = null;
        spool = null;
        return done;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (spool != null) {
            spool.discard();
            spool = null;
        }
        ctx.fireChannelInactive();
    }
}
