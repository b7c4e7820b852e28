package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The region-outage and replication-lag kinds of a plan file: their fields, defaults and refusals. */
class RegionFaultKindsTest {

    @Test
    void a_region_outage_parses_with_its_mode_and_window() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - name: west-down
                    kind: region-outage
                    regions: [us-west-2, eu-west-1]
                    mode: internal-error
                    after: 5s
                    duration: 1m
                """, "plan.yaml");

        assertThat(plan.semanticFaults()).containsExactly(RegionOutage.of("eu-west-1", "us-west-2").named("west-down")
                .withMode(RegionOutage.Mode.INTERNAL_ERROR).withAfter(Duration.ofSeconds(5))
                .withDuration(Duration.ofMinutes(1)));
        assertThat(plan).hasToString("FaultPlan:\n  - west-down: eu-west-1, us-west-2 down, internal-error from 5000 ms"
                + " for 60000 ms");
    }

    @Test
    void a_region_outage_lasts_the_whole_test_and_answers_unavailable_by_default() {
        FaultPlan plan = FaultPlan.parse("faults: [{kind: region-outage, region: us-west-2}]", "plan.yaml");

        assertThat(plan.semanticFaults()).containsExactly(RegionOutage.of("us-west-2").named("rule 1"));
        assertThat(plan.semanticFaults().get(0)).hasToString("rule 1: us-west-2 down, service-unavailable");
    }

    @Test
    void a_replication_lag_parses_a_lag_and_a_pause() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - name: slow-west
                    kind: replication-lag
                    from: us-east-1
                    to: us-west-2
                    table: orders
                    lag: 30s
                    after: 1m
                    duration: 5m
                """, "plan.yaml");

        assertThat(plan.semanticFaults()).containsExactly(ReplicationLag.of("us-east-1", "us-west-2")
                .named("slow-west").withTable("orders").withLag(Duration.ofSeconds(30))
                .withPause(Duration.ofMinutes(1), Duration.ofMinutes(5)));
        assertThat(plan.semanticFaults().get(0)).hasToString("slow-west: orders us-east-1 -> us-west-2, lag 30000 ms,"
                + " paused from 60000 ms for 300000 ms");
    }

    @Test
    void unknown_fields_are_refused_naming_the_known_ones() {
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: region-outage, region: us-west-2,"
                + " window: 5s}]", "plan.yaml"))
                .hasMessage("plan.yaml: fault rule 'x': unknown field 'window'; a region-outage has [after, duration,"
                        + " kind, latency, mode, name, region, regions]");
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: replication-lag, from: a, to: b,"
                + " delay: 5s}]", "plan.yaml"))
                .hasMessage("plan.yaml: fault rule 'x': unknown field 'delay'; a replication-lag has [after, duration,"
                        + " from, kind, lag, name, table, to]");
    }

    @Test
    void wrong_values_say_what_is_expected() {
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: region-outage, region: us-west-2,"
                + " mode: refused}]", "plan.yaml"))
                .hasMessage("plan.yaml: fault rule 'x': mode 'refused' is not one of connection-reset,"
                        + " service-unavailable, internal-error, timeout");
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: region-outage}]", "plan.yaml"))
                .hasMessage("plan.yaml: fault rule 'x': a region-outage needs region (or regions)");
        assertThatThrownBy(() -> FaultPlan.parse("faults: [{name: x, kind: replication-lag, from: a, to: b}]",
                "plan.yaml"))
                .hasMessage("plan.yaml: fault rule 'x': a replication-lag needs a lag, or a pause duration (and"
                        + " optional after)");
    }
}
