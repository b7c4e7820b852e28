package dev.simstack.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * An answer's body for the SDK's async response handler: chunks read from the body's stream as the subscriber
 * asks for them (so a large object is read from its file chunk by chunk, never whole), then completion, or the
 * stream's {@code IOException} (a truncated answer's premature end) as the error. One subscriber.
 */
final class BodyPublisher implements Publisher<ByteBuffer> {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final InputStream body;
    private final Runnable completed;
    private final java.util.function.Consumer<Throwable> failed;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    BodyPublisher(InputStream body, Runnable completed, java.util.function.Consumer<Throwable> failed) {
        this.body = body;
        this.completed = completed;
        this.failed = failed;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("an answer's body can be subscribed to once"));
            return;
        }
        subscriber.onSubscribe(new Emitter(subscriber));
    }

    /** Emits on the thread that requests, one drain loop at a time (Reactive Streams rule 1.3). */
    private final class Emitter implements Subscription {
        private final Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger draining = new AtomicInteger();
        private volatile boolean done;

        Emitter(Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                finish(new IllegalArgumentException("a subscriber must request a positive number, got " + n));
                return;
            }
            demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
            drain();
        }

        @Override
        public void cancel() {
            done = true;
            close();
            completed.run();
        }

        private void drain() {
            if (draining.getAndIncrement() != 0) {
                return;
            }
            do {
                while (!done && demand.get() > 0) {
                    emitOne();
                }
            } while (draining.decrementAndGet() != 0);
        }

        private void emitOne() {
            byte[] chunk = new byte[CHUNK_BYTES];
            int n;
            try {
                n = body.read(chunk); // not readNBytes: a truncated body's bytes come before its error
            } catch (IOException e) {
                finish(e);
                return;
            }
            if (n > 0) {
                demand.decrementAndGet();
                subscriber.onNext(ByteBuffer.wrap(chunk, 0, n));
            }
            if (n < 0 && !done) {
                done = true;
                close();
                subscriber.onComplete();
                completed.run();
            }
        }

        private void finish(Throwable error) {
            if (done) {
                return;
            }
            done = true;
            close();
            subscriber.onError(error);
            failed.accept(error);
        }

        private void close() {
            try {
                body.close();
            } catch (IOException e) {
                // nothing more is read from it
            }
        }
    }
}
