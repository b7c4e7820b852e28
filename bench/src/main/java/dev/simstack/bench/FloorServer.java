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
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The floor: a Netty HTTP server with the engine's transport (NIO, same event loop thread count, same
 * codec and aggregation) that answers each SQS call with a fixed, valid response and does nothing else.
 * What the SDK achieves against it is the best any emulator could do on this machine.
 */
final class FloorServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel channel;

    private FloorServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    static FloorServer start(int eventLoopThreads) {
        EventLoopGroup group = new NioEventLoopGroup(eventLoopThreads, runnable -> {
            Thread thread = new Thread(runnable, "floor-http");
            thread.setDaemon(true);
            return thread;
        });
        FixedAnswers answers = new FixedAnswers();
        Channel channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1024 * 1024), answers);
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        return new FloorServer(group, channel);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Picks the prepared answer by {@code X-Amz-Target}; the request body is aggregated and not read. */
    @ChannelHandler.Sharable
    private static final class FixedAnswers extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final FullHttpResponse send = response(HttpResponseStatus.OK, FloorAnswers.sendMessage());
        private final FullHttpResponse receive = response(HttpResponseStatus.OK, FloorAnswers.receiveMessage());
        private final FullHttpResponse sendBatch = response(HttpResponseStatus.OK, FloorAnswers.sendMessageBatch());
        private final FullHttpResponse deleteBatch = response(HttpResponseStatus.OK, FloorAnswers.deleteMessageBatch());

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String target = request.headers().get("X-Amz-Target", "");
            FullHttpResponse answer;
            switch (target) {
                case "AmazonSQS.SendMessage":
                    answer = send.retainedDuplicate();
                    break;
                case "AmazonSQS.SendMessageBatch":
                    answer = sendBatch.retainedDuplicate();
                    break;
                case "AmazonSQS.ReceiveMessage":
                    answer = receive.retainedDuplicate();
                    break;
                case "AmazonSQS.DeleteMessageBatch":
                    answer = deleteBatch.retainedDuplicate();
                    break;
                default:
                    answer = response(HttpResponseStatus.BAD_REQUEST, FloorAnswers.unknownOperation(target));
            }
            ctx.writeAndFlush(answer);
        }

        private static FullHttpResponse response(HttpResponseStatus status, String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body)));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.0");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.headers().set("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
            return response;
        }
    }
}
