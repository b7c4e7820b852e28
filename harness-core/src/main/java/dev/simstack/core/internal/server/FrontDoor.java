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

    /**
     * Starts building the event loop group on a thread of its own and returns at once: Netty's start (its
     * classes, the selectors, the codecs every connection's pipeline uses) is a third of a fresh JVM's way to
     * its first answer, and it needs nothing of the engine, so it runs beside the engine's own start.
     * {@link Opening#bind} serves on it; {@link Opening#abandon} releases it if the engine fails to start.
     */
    public static Opening open(String name, int threads) {
        return new Opening(name, threads);
    }

    /** A front door whose event loop group is being built: nothing listens until {@link #bind}. */
    public static final class Opening {

        private final List<Thread> started = new CopyOnWriteArrayList<>();
        private final Thread builder;
        private EventLoopGroup group;
        private RuntimeException failure;

        private Opening(String name, int threads) {
            builder = new Thread(() -> {
                try {
                    group = new NioEventLoopGroup(threads, daemonThreads(name, started));
                    loadPipelineClasses();
                } catch (RuntimeException | LinkageError e) {
                    failure = new IllegalStateException("SimStack could not start its HTTP server: " + e, e);
                }
            }, name + "-http-start");
            builder.setDaemon(true);
            builder.start();
        }

        /** The built group, once the builder thread has ended (so no thread of it outlives a closed stack). */
        private EventLoopGroup built() {
            boolean interrupted = false;
            while (builder.isAlive()) {
                try {
                    builder.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                if (group != null) {
                    group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
                }
                throw failure;
            }
            return group;
        }

        /**
         * The handlers every connection's pipeline creates, made once and dropped, so that their classes are loaded
         * here rather than on the event loop when the first client connects.
         */
        private static void loadPipelineClasses() {
            new ServerBootstrap().channel(NioServerSocketChannel.class);
            new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS);
            new HttpServerCodec(ContentLengthGuard.decoderConfig());
            new ContentLengthGuard();
            new ChunkedWriteHandler();
            new HttpServerExpectContinueHandler();
            new HttpObjectAggregator(MAX_REQUEST_BYTES);
        }

        /** Waits for the event loop group, binds {@code host:port} (0 for an ephemeral port) and starts serving. */
        public FrontDoor bind(String host, int port, RequestHandler handler, ScratchDirectory scratch) {
            EventLoopGroup loops = built();
            try {
                ServerBootstrap bootstrap = new ServerBootstrap()
                        .group(loops)
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
                                // REST requests (S3, Lambda, API Gateway) are spooled (to disk when large), not
                                // aggregated.
                                pipeline.addLast(new BodySpooler(scratch));
                                pipeline.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                                pipeline.addLast(new ExchangeHandler(handler));
                            }
                        });
                Channel channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
                return new FrontDoor(loops, channel, started);
            } catch (RuntimeException e) {
                loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
                throw new IllegalStateException("SimStack could not listen on " + host + ":" + port + ": "
                        + e.getMessage()
                        + (port != 0 ? " (is another server on that port? use port 0 for a free one)" : ""), e);
            }
        }

        /** Releases the event loop group of a front door that will not be bound (the engine failed to start). */
        public void abandon() {
            try {
                built().shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
            } catch (IllegalStateException e) {
                // the group was never built: nothing to release
            }
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
