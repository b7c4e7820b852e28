package dev.simstack.sample.load;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.PeekedMessage;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gatling's counts against the stack's: OK must be the ledger's accepted requests (2xx), KO its throttled ones
 * (429), every accepted request must have stored one order, and every order must end PAID or in the dead-letter
 * queue, never both, once the queue has drained.
 *
 * @param gatling Gatling's verdicts, counted during the run
 * @param ledgerAccepted the API's requests the ledger recorded with a 2xx status
 * @param ledgerThrottled the API's requests the ledger recorded as throttled (429)
 * @param ledgerOther the API's other requests (4xx other than 429, 5xx)
 * @param orders the orders in the table
 * @param paid the orders in the table whose status is PAID
 * @param deadLettered the orders in the dead-letter queue
 * @param queued the messages still in the orders queue (visible, in flight or delayed)
 * @param lost the orders neither PAID nor in the dead-letter queue
 * @param paidAndDeadLettered the orders PAID and in the dead-letter queue
 */
record LedgerCrossCheck(ResponseCounts.Counts gatling, long ledgerAccepted, long ledgerThrottled, long ledgerOther,
        long orders, long paid, long deadLettered, int queued, Set<String> lost, Set<String> paidAndDeadLettered) {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");
    private static final int NAMED = 5;

    /** Reads the stack's side; call it once the queue has drained. */
    static LedgerCrossCheck read(OrdersStack orders, ResponseCounts.Counts gatling) {
        Stack stack = orders.stack();
        ResourceRef api = stack.api(OrdersStack.API).ref();
        List<LedgerEntry.ApiRequest> requests = stack.ledger().entries(LedgerEntry.ApiRequest.class).stream()
                .filter(request -> request.api().equals(api)).toList();
        long accepted = requests.stream().filter(request -> request.status() / 100 == 2).count();
        long throttled = requests.stream().filter(LedgerEntry.ApiRequest::throttled).count();
        List<Map<String, Object>> items = stack.table(OrdersStack.TABLE).items();
        Set<String> paid = items.stream().filter(item -> "PAID".equals(item.get("status")))
                .map(item -> (String) item.get("orderId")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> deadLettered = stack.queue(OrdersStack.DLQ).peek().stream().map(PeekedMessage::body)
                .map(ORDER_ID::matcher).filter(Matcher::find).map(found -> found.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> lost = items.stream().map(item -> (String) item.get("orderId"))
                .filter(id -> !paid.contains(id) && !deadLettered.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> both = paid.stream().filter(deadLettered::contains).collect(Collectors.toCollection(TreeSet::new));
        return new LedgerCrossCheck(gatling, accepted, throttled, requests.size() - accepted - throttled, items.size(),
                paid.size(), deadLettered.size(), stack.queue(OrdersStack.QUEUE).depth().total(), lost, both);
    }

    /** The ledger's figures for the API's requests, for the check of Gatling's own statistics after the run. */
    LedgerFigures ledger() {
        return new LedgerFigures(ledgerAccepted, ledgerThrottled, ledgerOther);
    }

    /** What disagrees, one sentence each; empty when the counts agree. */
    List<String> disagreements() {
        List<String> wrong = new ArrayList<>();
        if (gatling.ok() != ledgerAccepted) {
            wrong.add("Gatling counted " + gatling.ok() + " OK, the ledger " + ledgerAccepted
                    + " accepted requests (2xx)");
        }
        if (gatling.ko() != ledgerThrottled) {
            wrong.add("Gatling counted " + gatling.ko() + " KO (" + gatling.throttled() + " of them 429), the ledger "
                    + ledgerThrottled + " throttled requests (429) and " + ledgerOther + " others");
        }
        if (orders != ledgerAccepted) {
            wrong.add(ledgerAccepted + " accepted requests stored " + orders + " orders");
        }
        if (!lost.isEmpty()) {
            wrong.add(lost.size() + " orders neither PAID nor in the dead-letter queue (" + queued
                    + " messages still in the queue): " + named(lost));
        }
        if (!paidAndDeadLettered.isEmpty()) {
            wrong.add(paidAndDeadLettered.size() + " orders PAID and in the dead-letter queue: "
                    + named(paidAndDeadLettered));
        }
        return wrong;
    }

    /** Throws when a count disagrees, naming each disagreement and the figures. */
    void verify() {
        List<String> wrong = disagreements();
        if (!wrong.isEmpty()) {
            throw new AssertionError("the load test's counts disagree with the stack's ledger:\n  - "
                    + String.join("\n  - ", wrong) + "\n" + this);
        }
    }

    @Override
    public String toString() {
        return String.format("""
                Gatling: %d requests, OK %d, KO %d (429: %d, other: %d)
                Ledger:  %d requests, accepted (2xx) %d, throttled (429) %d, other %d
                Orders:  %d stored, %d PAID, %d in the dead-letter queue, %d still queued""",
                gatling.ok() + gatling.ko(), gatling.ok(), gatling.ko(), gatling.throttled(), gatling.otherKo(),
                ledgerAccepted + ledgerThrottled + ledgerOther, ledgerAccepted, ledgerThrottled, ledgerOther,
                orders, paid, deadLettered, queued);
    }

    private static String named(Set<String> orderIds) {
        return orderIds.stream().limit(NAMED).collect(Collectors.joining(", "))
                + (orderIds.size() > NAMED ? " and " + (orderIds.size() - NAMED) + " more" : "");
    }
}
