package dev.simstack.core.internal.report;

import static dev.simstack.core.internal.report.Html.count;
import static dev.simstack.core.internal.report.Html.escape;

import java.util.Map;

/** The report's first sections: the stack (seed, clock, regions, endpoint), headline counts and the fault plan. */
final class StackSection {

    private StackSection() {
    }

    static void render(StringBuilder html, ReportInput input, RunSummary summary, TimeAxis axis) {
        StringBuilder body = new StringBuilder("<dl class=\"facts\">");
        fact(body, "Seed", Long.toString(input.seed()));
        fact(body, "Clock", input.clock());
        fact(body, "Regions", String.join(", ", input.regions()));
        fact(body, "Endpoint", input.endpoint());
        fact(body, "Account", input.account());
        fact(body, "Started", axis.start().toString());
        fact(body, "Lasted", Html.offset(axis.lastedMillis()).substring(1));
        body.append("</dl>");
        if (input.evicted() > 0) {
            body.append("<p class=\"warning\">This stack's ledger limit evicted ").append(count(input.evicted()))
                    .append(" older entries: the report shows only the newest ones.</p>");
        }
        body.append("<div class=\"tiles\">");
        tile(body, "ledger entries", input.entries().size(), "");
        tile(body, "SDK requests", summary.requests, summary.requestErrors + " errors");
        tile(body, "API requests", summary.apiRequests, "");
        tile(body, "throttled", summary.throttled, "", summary.throttled > 0 ? "warn" : "");
        tile(body, "faults injected", summary.faulted, "", summary.faulted > 0 ? "fault" : "");
        tile(body, "messages sent", summary.sent, summary.delivered + " deliveries, " + summary.redelivered
                + " redelivered");
        tile(body, "to DLQ", summary.deadLettered, "", summary.deadLettered > 0 ? "err" : "");
        tile(body, "invocations", summary.invocations, summary.coldStarts + " cold starts");
        tile(body, "failed invocations", summary.failedInvocations, "errors and timeouts",
                summary.failedInvocations > 0 ? "err" : "");
        tile(body, "item writes", summary.itemWrites, "");
        tile(body, "object writes", summary.objectWrites, "");
        if (summary.httpCalls > 0) {
            tile(body, "HTTP dependency calls", summary.httpCalls, "");
        }
        body.append("</div>");
        ReportPage.section(html, "stack", "The stack", body.toString());
        ReportPage.section(html, "faults", "Fault plan", faults(input, summary));
    }

    private static String faults(ReportInput input, RunSummary summary) {
        StringBuilder body = new StringBuilder();
        if (input.interceptors().isEmpty()) {
            body.append("<p class=\"empty\">No interceptor: no fault plan was applied.</p>");
        } else {
            body.append("<p>Interceptors, in the order they see a call:</p><ol class=\"plans\">");
            input.interceptors().forEach(plan -> body.append("<li><code>").append(escape(plan)).append("</code></li>"));
            body.append("</ol>");
        }
        if (!summary.faults.isEmpty()) {
            body.append("<table class=\"compact\"><thead><tr><th>fault noted on requests</th><th>requests</th></tr>")
                    .append("</thead><tbody>");
            for (Map.Entry<String, Long> fault : ReportPage.byCount(summary.faults)) {
                body.append("<tr><td>").append(escape(fault.getKey())).append("</td><td class=\"num\">")
                        .append(count(fault.getValue())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        return body.toString();
    }

    private static void fact(StringBuilder body, String name, String value) {
        body.append("<div><dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd></div>");
    }

    private static void tile(StringBuilder body, String name, long value, String note) {
        tile(body, name, value, note, "");
    }

    private static void tile(StringBuilder body, String name, long value, String note, String css) {
        body.append("<div class=\"tile ").append(css).append("\"><div class=\"value\">").append(count(value))
                .append("</div><div class=\"name\">").append(escape(name)).append("</div>");
        if (!note.isEmpty()) {
            body.append("<div class=\"note\">").append(escape(note)).append("</div>");
        }
        body.append("</div>");
    }
}
