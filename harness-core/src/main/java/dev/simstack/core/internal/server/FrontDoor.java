package dev.simstack.core.internal.server;

import dev.simstack.core.internal.engine.ScratchDirectory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stack's one HTTP endpoint: a Netty server on its own small event loop group, so that stopping the
 * stack releases the port and every thread it started.
 */
public final class FrontDoor implements AutoCloseable {

    /** JSON and Query requests larger than this are refused with 413 (S3 bodies are spooled instead). */
    static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;
    /** A connection that sends nothing for this long is closed (long polls last at most 20 s). */
    private static final int IDLE_SECONDS = 120;

    private final EventLoopGroup group;
    private final Channel channel;
    private final List<Thread> threads;
    private boolean closed;

    private FrontDoor(EventLoopGroup group, Channel channel, List<Thread> threads) {
        this.group = group;
        this.channel = channel;
        this.threads = threads;
    }

    /** Binds {@code host:port} (0 for an ephemeral port) and starts serving. */
    public static FrontDoor bind(String host, int port, RequestHandler handler, String name, int threads,
            ScratchDirectory scratch) {
        List<Thread> started = new CopyOnWriteArrayList<>();
        EventLoopGroup group = new NioEventLoopGroup(threads, daemonThreads(name, started));
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ChannelPipeline pipeline = ch.pipeline();
                            pipeline.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS));
                            pipeline.addLast(new HttpServerCodec(ContentLengthGuard.decoderConfig()));
                            pipeline.addLast(new ContentLengthGuard());
                            // Streams large S3 object bodies out in chunks instead of one buffer.
                            pipeline.addLast(new ChunkedWriteHandler());
                            pipeline.addLast(new HttpServerExpectContinueHandler());
                            // REST requests (S3, Lambda, API Gateway) are spooled (to disk when large), not aggregated.
                            pipeline.addLast(new BodySpooler(scratch));
                            pipeline.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                            pipeline.addLast(new ExchangeHandler(handler));
                        }
                    });
            Channel channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
            return new FrontDoor(group, channel, started);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("SimStack could not listen on " + host + ":" + port + ": " + e.getMessage()
                    + (port != 0 ? " (is another server on that port? use port 0 for a free one)" : ""), e);
        }
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Closes the listening socket, every connection, and the event loop threads, and waits for them. */
    @Override
    public void close() {
        // Idempotent: a clean stop closes the port before its final save, then closes the whole stack.
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        // The group's termination future completes just before its threads exit; callers that check
        // for leaked threads right after close() must not see them.
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ThreadFactory daemonThreads(String name, List<Thread> started) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            started.add(thread);
            return thread;
        };
    }
}
