package dev.simstack.junit.internal.burst;

import dev.simstack.junit.Burst;
import dev.simstack.junit.BurstBodies;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.internal.DurationText;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;

/**
 * Reads a {@link Burst} annotation into a {@link BurstSpec}, failing on misuse with a message that names
 * the element and the fix. What needs the stack (does the API, route or queue exist) is checked when the
 * burst is fired.
 */
public final class BurstAnnotations {

    private BurstAnnotations() {
    }

    /** The annotation as a spec. */
    public static BurstSpec toSpec(Burst burst) {
        BurstSpec spec = target(burst);
        spec = size(burst, spec).withArrivals(burst.arrivals());
        spec = bodies(burst, spec);
        for (String header : burst.headers()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("@Burst(headers = \"" + header + "\") is not a header: write each"
                        + " as \"Name: value\", e.g. \"Content-Type: application/json\"");
            }
            String value = header.substring(colon + 1).trim();
            Template.check(value, "@Burst(headers)");
            spec = spec.withHeader(header.substring(0, colon).trim(), value);
        }
        return burst.region().isEmpty() ? spec : spec.inRegion(burst.region());
    }

    private static BurstSpec target(Burst burst) {
        boolean api = !burst.api().isEmpty();
        boolean queue = !burst.queue().isEmpty();
        if (api && queue) {
            throw new IllegalArgumentException("@Burst(api = \"" + burst.api() + "\", queue = \"" + burst.queue()
                    + "\") names two targets: keep api (with route) for an API route, or queue for an SQS queue");
        }
        if (!api && !queue) {
            throw new IllegalArgumentException("@Burst names no target: set api and route (api = \"shop\", route ="
                    + " \"POST /orders\") for an API route, or queue (queue = \"orders\") for an SQS queue");
        }
        if (queue) {
            if (!burst.route().isEmpty()) {
                throw new IllegalArgumentException("@Burst(queue = \"" + burst.queue() + "\", route = \""
                        + burst.route() + "\"): route is for API bursts; remove it (a queue burst sends each body"
                        + " with SendMessage) or name the API with api");
            }
            return BurstSpec.queue(burst.queue());
        }
        if (burst.route().isEmpty()) {
            throw new IllegalArgumentException("@Burst(api = \"" + burst.api() + "\") needs route, the route key"
                    + " to call, e.g. route = \"POST /orders\"");
        }
        Template.check(burst.route(), "@Burst(route)");
        return BurstSpec.api(burst.api(), burst.route());
    }

    private static BurstSpec size(Burst burst, BurstSpec spec) {
        boolean count = burst.requests() != 0 || !burst.over().isEmpty();
        boolean rate = burst.rate() != 0 || !burst.duration().isEmpty();
        if (count && rate) {
            throw new IllegalArgumentException("@Burst sets both requests/over and rate/duration: keep one size,"
                    + " either requests = N with over = \"10m\", or rate = R with duration = \"30s\"");
        }
        if (!count && !rate) {
            throw new IllegalArgumentException("@Burst has no size: set requests with over (requests = 1000, over ="
                    + " \"10m\"), or rate with duration (rate = 50, duration = \"30s\")");
        }
        if (count) {
            if (burst.requests() <= 0) {
                throw new IllegalArgumentException("@Burst(over = \"" + burst.over() + "\") needs requests, how many"
                        + " to send over it (1 or more), e.g. requests = 1000; got requests = " + burst.requests());
            }
            if (burst.over().isEmpty()) {
                throw new IllegalArgumentException("@Burst(requests = " + burst.requests() + ") needs over, the"
                        + " duration the requests are spread over, e.g. over = \"10m\"");
            }
            return spec.withRequests(burst.requests(), duration("over", burst.over()));
        }
        if (!(burst.rate() > 0) || Double.isInfinite(burst.rate())) {
            throw new IllegalArgumentException("@Burst(duration = \"" + burst.duration() + "\") needs rate, the"
                    + " requests per second (above 0), e.g. rate = 50; got rate = " + burst.rate());
        }
        if (burst.duration().isEmpty()) {
            throw new IllegalArgumentException("@Burst(rate = " + burst.rate() + ") needs duration, how long"
                    + " requests arrive at that rate, e.g. duration = \"30s\"");
        }
        return spec.withRate(burst.rate(), duration("duration", burst.duration()));
    }

    private static Duration duration(String element, String text) {
        Duration duration = DurationText.parse(text);
        if (duration == null || duration.isZero()) {
            throw new IllegalArgumentException("@Burst(" + element + " = \"" + text + "\") is not a duration above"
                    + " 0: write 500ms, 30s, 10m, 1h or ISO-8601 such as PT10M");
        }
        return duration;
    }

    private static BurstSpec bodies(Burst burst, BurstSpec spec) {
        Class<? extends BurstBodies> type = burst.bodies();
        if (type == BurstBodies.None.class) {
            Template.check(burst.body(), "@Burst(body)");
            return spec.withBody(burst.body());
        }
        if (!burst.body().isEmpty()) {
            throw new IllegalArgumentException("@Burst sets both body and bodies = " + type.getSimpleName()
                    + ".class: keep one, the template or the generator");
        }
        return spec.withBodies(instantiate(type));
    }

    private static BurstBodies instantiate(Class<? extends BurstBodies> type) {
        String fix = ": give it a public no-argument constructor, and make it a top-level or static nested class";
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("@Burst(bodies = " + type.getName() + ".class) cannot be"
                    + " instantiated, it is abstract" + fix);
        }
        try {
            Constructor<? extends BurstBodies> constructor = type.getDeclaredConstructor();
            return constructor.newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("@Burst(bodies = " + type.getName() + ".class) cannot be"
                    + " instantiated" + fix, e);
        } catch (InvocationTargetException | InstantiationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalArgumentException("@Burst(bodies = " + type.getName() + ".class) cannot be"
                    + " instantiated, its constructor threw " + cause, cause);
        }
    }
}
