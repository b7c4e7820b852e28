package dev.simstack.sample;

import dev.simstack.junit.SimStack;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app on an embedded stack, made from its own SAM template (module root, {@code template.yaml}), in the
 * two regions of its global table, on a manual clock: time moves when a test (or {@code eventually()}) moves
 * it, so every run is the same.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SimStack(template = "template.yaml", regions = {"us-east-1", "us-west-2"}, clock = "manual", seed = 2026)
@interface OrdersApp {

    /** The resources' names, as the template gives them. */
    String API = "orders-api";
    String QUEUE = "orders";
    String DLQ = "orders-dlq";
    String TABLE = "orders";
    String SECOND_REGION = "us-west-2";
    String RECEIPTS = "orders-receipts-000000000000";
    String WORKER = "payment-worker";
}
