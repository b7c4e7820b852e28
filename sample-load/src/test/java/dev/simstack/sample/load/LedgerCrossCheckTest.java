package dev.simstack.sample.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The load test's cross-check against a real stack and real requests: 15 orders at the same instant of a manual
 * clock, against the stage's burst of 10, counted as Gatling counts them (202 OK, anything else KO).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerCrossCheckTest {

    private OrdersStack orders;
    private ResponseCounts.Counts counted;

    @BeforeAll
    void placeFifteenOrdersAtOnce() throws Exception {
        orders = OrdersStack.start(ClockSpec.manual(), 42);
        ResponseCounts counts = new ResponseCounts();
        HttpClient client = HttpClient.newHttpClient();
        for (int n = 1; n <= 15; n++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(orders.ordersUrl()))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "order-" + n)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"c-" + n
                            + "\",\"amount\":1999,\"currency\":\"EUR\"}")).build(), HttpResponse.BodyHandlers.ofString());
            counts.record(response.statusCode() != 202, response.statusCode());
        }
        counted = counts.counts();
        assertThat(orders.drain(Duration.ofSeconds(20)).isEmpty()).as("the queue drained").isTrue();
    }

    @AfterAll
    void stop() throws Exception {
        orders.close();
    }

    @Test
    void counts_that_match_the_ledger_pass() {
        LedgerCrossCheck check = LedgerCrossCheck.read(orders, counted);

        assertThat(counted).isEqualTo(new ResponseCounts.Counts(10, 5, 0));
        assertThat(check.disagreements()).isEmpty();
        check.verify();
        assertThat(check).hasToString("""
                Gatling: 15 requests, OK 10, KO 5 (429: 5, other: 0)
                Ledger:  15 requests, accepted (2xx) 10, throttled (429) 5, other 0
                Orders:  10 stored, 10 PAID, 0 in the dead-letter queue, 0 still queued""");
    }

    @Test
    void a_throttled_request_counted_as_ok_fails_the_run_naming_both_counts() {
        LedgerCrossCheck check = LedgerCrossCheck.read(orders, new ResponseCounts.Counts(11, 4, 0));

        assertThatThrownBy(check::verify).isInstanceOf(AssertionError.class).hasMessage("""
                the load test's counts disagree with the stack's ledger:
                  - Gatling counted 11 OK, the ledger 10 accepted requests (2xx)
                  - Gatling counted 4 KO (4 of them 429), the ledger 5 throttled requests (429) and 0 others
                Gatling: 15 requests, OK 11, KO 4 (429: 4, other: 0)
                Ledger:  15 requests, accepted (2xx) 10, throttled (429) 5, other 0
                Orders:  10 stored, 10 PAID, 0 in the dead-letter queue, 0 still queued""");
    }

    @Test
    void a_ko_that_was_no_throttle_fails_the_run() {
        LedgerCrossCheck check = LedgerCrossCheck.read(orders, new ResponseCounts.Counts(10, 5, 1));

        assertThat(check.disagreements()).containsExactly(
                "Gatling counted 6 KO (5 of them 429), the ledger 5 throttled requests (429) and 0 others");
    }

    @Test
    void an_order_neither_paid_nor_dead_lettered_or_both_fails_the_run_naming_it() {
        LedgerCrossCheck check = new LedgerCrossCheck(new ResponseCounts.Counts(10, 5, 0), 10, 5, 0, 10, 9, 1, 0,
                new TreeSet<>(Set.of("order-3")), new TreeSet<>(Set.of("order-7")));

        assertThat(check.disagreements()).containsExactly(
                "1 orders neither PAID nor in the dead-letter queue (0 messages still in the queue): order-3",
                "1 orders PAID and in the dead-letter queue: order-7");
    }
}
