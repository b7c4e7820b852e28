package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The DynamoDB and S3 kinds of a plan file: their fields, defaults, printed form and refusals. */
class DataFaultKindsTest {

    @Test
    void a_hot_key_throttle_parses_its_table_key_rate_burst_and_reads() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - name: hot-customer
                    kind: hot-key-throttle
                    table: orders
                    key: customer-1
                    rate: 10
                    burst: 20
                    reads: true
                """, "plan.yaml");

        assertThat(plan.semanticFaults()).containsExactly(HotKeyThrottle.on("orders", "customer-1")
                .named("hot-customer").withRate(10).withBurst(20).withReads(true));
        assertThat(plan.semanticFaults().get(0)).hasToString("hot-customer: orders, partition key customer-1 over"
                + " 10/s (burst 20), reads and writes (ProvisionedThroughputExceededException)");
    }

    @Test
    void a_transaction_conflict_parses_its_matcher_and_picks() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - name: busy
                    kind: transaction-conflict
                    table: orders
                    key: o-1
                    itemWrites: true
                    probability: 0.5
                    times: 2
                """, "plan.yaml");

        assertThat(plan.semanticFaults()).containsExactly(TransactionConflict.on("orders").named("busy").withKey("o-1")
                .withItemWrites(true).withProbability(0.5).withTimes(2));
        assertThat(plan.semanticFaults().get(0)).hasToString("busy: transactions and item writes on orders, partition"
                + " key o-1, p=0.5, at most 2x (TransactionConflict)");
    }

    @Test
    void an_s3_slow_down_keeps_the_rate_aws_serves_unless_lowered() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - {name: slow, kind: s3-slow-down, bucket: uploads, prefix: images/, writeRate: 5}
                """, "plan.yaml");

        assertThat(plan.semanticFaults()).containsExactly(SlowDown.on("uploads", "images/").named("slow")
                .withRates(5, 5500));
        assertThat(plan.semanticFaults().get(0)).hasToString("slow: uploads/images/* over 5 writes/s, 5500 reads/s"
                + " (SlowDown)");
    }

    @Test
    void an_s3_notification_parses_copies_and_delay() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - {name: twice, kind: s3-notification, bucket: uploads, copies: 2, nth: 1}
                  - {name: late, kind: s3-notification, bucket: uploads, prefix: in/, delay: 5m}
                """, "plan.yaml");

        assertThat(plan.semanticFaults()).containsExactly(
                NotificationDelivery.duplicated("uploads").named("twice").withNth(1),
                NotificationDelivery.late("uploads", Duration.ofMinutes(5)).named("late").withPrefix("in/"));
        assertThat(plan.semanticFaults().get(1)).hasToString("late: events of uploads/in/* delivered once, 300000 ms"
                + " late");
    }

    @Test
    void unknown_fields_are_refused_naming_the_known_ones() {
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: hot-key-throttle, rps: 5}]", "plan.yaml"))
                .hasMessage("plan.yaml: fault rule 'x': unknown field 'rps'; a hot-key-throttle has [burst, key, kind,"
                        + " name, rate, reads, table]");
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: transaction-conflict, item: a}]",
                "plan.yaml")).hasMessage("plan.yaml: fault rule 'x': unknown field 'item'; a transaction-conflict has"
                        + " [itemWrites, key, kind, name, nth, probability, table, times]");
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: s3-slow-down, rate: 5}]", "plan.yaml"))
                .hasMessage("plan.yaml: fault rule 'x': unknown field 'rate'; a s3-slow-down has [bucket, kind, name,"
                        + " prefix, readRate, writeRate]");
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: s3-notification, duplicates: 2}]",
                "plan.yaml")).hasMessage("plan.yaml: fault rule 'x': unknown field 'duplicates'; a s3-notification"
                        + " has [bucket, copies, delay, kind, name, nth, prefix, probability, times]");
    }

    @Test
    void wrong_values_say_what_is_expected() {
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: s3-notification, copies: 0}]",
                "plan.yaml")).hasMessageContaining("copies must be at least 1");
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: hot-key-throttle, rate: -1}]",
                "plan.yaml")).hasMessageContaining("rate and burst must not be negative");
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: transaction-conflict, probability: 2}]",
                "plan.yaml")).hasMessageContaining("probability must be in (0, 1], got 2.0");
    }
}
