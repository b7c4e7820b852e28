package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Random;
import org.apiguardian.api.API;

/**
 * Makes the body of each request of a burst, where a {@linkplain Burst#body() template} is not enough. A
 * {@link Burst#bodies()} class needs a public no-argument constructor; the burst makes one instance and
 * calls it once per request, in send order, from one thread.
 *
 * <pre>{@code
 * public final class Orders implements BurstBodies {
 *     public String body(long n, Random random) {
 *         return "{\"id\":" + n + ",\"qty\":" + (1 + random.nextInt(5)) + "}";
 *     }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface BurstBodies {

    /**
     * The body of request {@code n}.
     *
     * @param n the request's 0-based index in send order
     * @param random seeded from the stack's seed, the same for every request of the burst: the same seed
     *     gives the same bodies
     * @return the body to send (the message body for a queue burst)
     */
    String body(long n, Random random);

    /** {@link Burst#bodies()}'s default: no generator, the body comes from {@link Burst#body()}. */
    @API(status = EXPERIMENTAL, since = "0.2")
    final class None implements BurstBodies {

        /** The marker instance the annotation's default stands for; a burst never calls it. */
        public None() {
        }

        /** Always the empty body. */
        @Override
        public String body(long n, Random random) {
            return "";
        }
    }
}
