package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** A usage plan of an {@link Api}: a throttle and a quota per API key. */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UsagePlan {

    /** The plan's name. */
    String name();

    /** Requests per second per key. */
    double rate();

    /** Burst per key. */
    int burst();

    /** Requests per period per key; no quota when 0. */
    int quotaLimit() default 0;

    /** {@code DAY}, {@code WEEK} or {@code MONTH}. */
    String quotaPeriod() default "DAY";

    /** The API key values of the plan. */
    String[] apiKeys() default {};
}
