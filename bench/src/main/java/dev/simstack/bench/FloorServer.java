package dev.simstack.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The floor: a Netty HTTP server with the engine's transport (NIO, same event loop thread count, same
 * codec and aggregation) that answers each call with a fixed, valid response and does nothing else:
 * SQS, DynamoDB and Lambda's Invoke here, S3's PutObject and GetObject in {@link ObjectFloor}. What the
 * SDK achieves against it is the best any emulator could do on this machine.
 */
final class FloorServer implements AutoCloseable {

    static final String REQUEST_ID = "00000000-0000-4000-8000-000000000000";
    /** Lambda's Invoke: {@code POST /2015-03-31/functions/{name}/invocations}. */
    static final String INVOKE_PATH = "/2015-03-31/functions/";

    private final EventLoopGroup group;
    private final Channel channel;
    private final ObjectFloor.Answers objects;

    private FloorServer(EventLoopGroup group, Channel channel, ObjectFloor.Answers objects) {
        this.group = group;
        this.channel = channel;
        this.objects = objects;
    }

    static FloorServer start(int eventLoopThreads) {
        EventLoopGroup group = new NioEventLoopGroup(eventLoopThreads, runnable -> {
            Thread thread = new Thread(runnable, "floor-http");
            thread.setDaemon(true);
            return thread;
        });
        FixedAnswers answers = new FixedAnswers();
        ObjectFloor.Answers objects = new ObjectFloor.Answers();
        Channel channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // S3's requests are streamed and discarded before the aggregator, as the engine
                        // spools them before its aggregator.
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
                                new ObjectFloor(objects), new HttpObjectAggregator(1024 * 1024), answers);
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        return new FloorServer(group, channel, objects);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        objects.release();
    }

    /**
     * Picks the prepared answer by {@code X-Amz-Target} (SQS, DynamoDB) or path (Lambda's Invoke); the
     * request body is aggregated and not read.
     */
    @ChannelHandler.Sharable
    private static final class FixedAnswers extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final Map<String, FullHttpResponse> byTarget = Map.of(
                "AmazonSQS.SendMessage", response(FloorAnswers.sendMessage(), false),
                "AmazonSQS.SendMessageBatch", response(FloorAnswers.sendMessageBatch(), false),
                "AmazonSQS.ReceiveMessage", response(FloorAnswers.receiveMessage(), false),
                "AmazonSQS.DeleteMessageBatch", response(FloorAnswers.deleteMessageBatch(), false),
                "DynamoDB_20120810.PutItem", response(FloorAnswers.putItem(), true),
                "DynamoDB_20120810.GetItem", response(FloorAnswers.getItem(), true),
                "DynamoDB_20120810.Query", response(FloorAnswers.query(), true));
        private final FullHttpResponse invoke = invokeResponse();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String target = request.headers().get("X-Amz-Target", "");
            FullHttpResponse answer = byTarget.get(target);
            if (answer == null && target.isEmpty() && request.uri().startsWith(INVOKE_PATH)) {
                answer = invoke;
            }
            ctx.writeAndFlush(answer != null ? answer.retainedDuplicate()
                    : error(FloorAnswers.unknownOperation(target.isEmpty() ? request.uri() : target)));
        }

        /** DynamoDB's answers carry the CRC32 of their body, which its SDK checks. */
        private static FullHttpResponse response(String json, boolean crc32) {
            FullHttpResponse response = json(HttpResponseStatus.OK, json);
            if (crc32) {
                CRC32 crc = new CRC32();
                crc.update(json.getBytes(StandardCharsets.UTF_8));
                response.headers().set("x-amz-crc32", Long.toString(crc.getValue()));
            }
            return response;
        }

        private static FullHttpResponse error(String json) {
            return json(HttpResponseStatus.BAD_REQUEST, json);
        }

        private static FullHttpResponse json(HttpResponseStatus status, String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body)));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.0");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.headers().set("x-amzn-RequestId", REQUEST_ID);
            return response;
        }

        /** What the engine answers for a handler that writes nothing: an empty payload. */
        private static FullHttpResponse invokeResponse() {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.EMPTY_BUFFER);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            response.headers().set("X-Amz-Executed-Version", "$LATEST");
            response.headers().set("x-amzn-RequestId", REQUEST_ID);
            return response;
        }
    }
}
