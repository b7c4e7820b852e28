package dev.simstack.core.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Collects an async request's body publisher into a stream the engine reads. The chunks are held until the
 * publisher completes (the engine answers only whole requests, as the front door does); a REST body is then
 * spooled by the engine like any other, to disk past its memory limit.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body, once the publisher has sent all of it; an empty body for no publisher. */
    static CompletableFuture<InputStream> collect(Publisher<ByteBuffer> publisher) {
        CompletableFuture<InputStream> whole = new CompletableFuture<>();
        if (publisher == null) {
            whole.complete(InputStream.nullInputStream());
            return whole;
        }
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            private final List<InputStream> parts = new ArrayList<>();

            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer chunk) {
                // A copy: the publisher may reuse its buffer once onNext returns.
                byte[] bytes = new byte[chunk.remaining()];
                chunk.get(bytes);
                parts.add(new ByteArrayInputStream(bytes));
            }

            @Override
            public void onError(Throwable error) {
                whole.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                whole.complete(new SequenceInputStream(Collections.enumeration(parts)));
            }
        });
        return whole;
    }
}
