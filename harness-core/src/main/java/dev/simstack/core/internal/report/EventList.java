package dev.simstack.core.internal.report;

import static dev.simstack.core.internal.report.Html.escape;

import dev.simstack.core.LedgerEntry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The ledger as a table, one row per entry, capped: the first and the last {@link #SHOWN} entries, with a row
 * that says how many are left out between them, so a report of 100,000 entries stays a few megabytes at
 * most. The page's script filters and pages the rows.
 */
final class EventList {

    static final int SHOWN = 500;

    private final TimeAxis axis;
    private final Names names;

    private EventList(TimeAxis axis, Names names) {
        this.axis = axis;
        this.names = names;
    }

    static String render(List<LedgerEntry> entries, TimeAxis axis, Names names) {
        EventList list = new EventList(axis, names);
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"filters\"><input id=\"ev-filter\" type=\"search\" placeholder=\"Filter: queue,")
                .append(" operation, status, message id…\"><select id=\"ev-kind\"><option value=\"\">every kind</option>");
        for (String kind : List.of("request", "api", "message", "invocation", "item", "object", "http")) {
            html.append("<option>").append(kind).append("</option>");
        }
        html.append("</select><span id=\"ev-count\"></span></div>");
        html.append("<table class=\"events\"><thead><tr><th>#</th><th>time</th><th>kind</th><th>resource</th>")
                .append("<th>what</th><th>outcome</th></tr></thead><tbody id=\"ev-rows\">");
        int size = entries.size();
        int head = Math.min(size, SHOWN);
        for (int i = 0; i < head; i++) {
            list.row(html, entries.get(i));
        }
        int tail = Math.max(head, size - SHOWN);
        if (tail > head) {
            html.append("<tr class=\"hidden-note\" data-kind=\"\"><td colspan=\"6\">… ").append(Html.count(tail - head))
                    .append(" entries between #").append(entries.get(head).sequence()).append(" and #")
                    .append(entries.get(tail - 1).sequence()).append(" are left out of this list; the charts and the")
                    .append(" timeline count every entry …</td></tr>");
        }
        for (int i = tail; i < size; i++) {
            list.row(html, entries.get(i));
        }
        html.append("</tbody></table><div class=\"pager\"><button id=\"ev-prev\">‹ previous</button>")
                .append("<span id=\"ev-page\"></span><button id=\"ev-next\">next ›</button></div>");
        return html.toString();
    }

    private void row(StringBuilder html, LedgerEntry entry) {
        String[] cells = describe(entry);
        html.append("<tr class=\"").append(cells[4]).append("\" data-kind=\"").append(cells[0]).append("\"><td>")
                .append(entry.sequence()).append("</td><td>").append(Html.offset(axis.offset(entry.at())))
                .append("</td><td>").append(cells[0]).append("</td><td>").append(escape(cells[1])).append("</td><td>")
                .append(escape(cells[2])).append("</td><td>").append(escape(cells[3])).append("</td></tr>");
    }

    /** Kind, resource, what, outcome and the row's class (ok, warn, err, fault). */
    private String[] describe(LedgerEntry entry) {
        if (entry instanceof LedgerEntry.Request r) {
            String outcome = r.status() + (r.errorCode() == null ? "" : " " + r.errorCode())
                    + (r.fault() == null ? "" : " · fault: " + r.fault()) + " · " + millis(r.latency());
            String css = r.fault() != null ? "fault" : LedgerSeries.Throttles.refused(r) ? "warn"
                    : r.status() >= 400 ? "err" : "ok";
            return new String[] {"request", Palette.label(r.service()) + " " + (r.resource() == null ? ""
                : names.of(r.resource())), r.operation() + " (" + r.region() + ", " + r.protocol() + ")", outcome, css};
        }
        if (entry instanceof LedgerEntry.ApiRequest a) {
            return new String[] {"api", "API " + names.of(a.api()) + "/" + a.stage(), a.method() + " " + a.path()
                + (a.routeKey() == null ? " (no route)" : ""), a.status() + (a.throttled() ? " throttled" : "") + " · "
                + millis(a.latency()), a.throttled() ? "warn" : a.status() >= 400 ? "err" : "ok"};
        }
        if (entry instanceof LedgerEntry.Message m) {
            String css = switch (m.kind()) {
                case MOVED_TO_DLQ, EXPIRED -> "err";
                case DELIVERED -> m.receiveCount() > 1 ? "warn" : "ok";
                default -> "ok";
            };
            String step = m.kind() == LedgerEntry.MessageEvent.MOVED_TO_DLQ ? "to DLQ"
                    : m.kind().name().toLowerCase(Locale.ROOT);
            String by = m.consumer() == null ? "" : "by " + m.consumer();
            return new String[] {"message", "queue " + names.of(m.queue()), step + " " + m.messageId(),
                m.kind() == LedgerEntry.MessageEvent.SENT ? by : "receive count " + m.receiveCount()
                    + (by.isEmpty() ? "" : " · " + by), css};
        }
        if (entry instanceof LedgerEntry.Invocation i) {
            String css = switch (i.outcome()) {
                case SUCCESS -> "ok";
                case THROTTLED -> "warn";
                default -> "err";
            };
            return new String[] {"invocation", "function " + names.of(i.function()), i.trigger() + " · "
                + i.carried().size() + " carried" + (i.coldStart() ? " · cold start" : ""), i.outcome().name()
                .toLowerCase(Locale.ROOT) + " · " + millis(Duration.between(i.start(), i.end())), css};
        }
        if (entry instanceof LedgerEntry.ItemWrite w) {
            return new String[] {"item", "table " + names.of(w.table()), w.operation() + " " + w.key(),
                w.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                w.outcome() == LedgerEntry.ConditionOutcome.APPLIED ? "ok" : "warn"};
        }
        if (entry instanceof LedgerEntry.HttpCall h) {
            String outcome = (h.status() == 0 ? "no answer" : String.valueOf(h.status()))
                    + (h.fault() == null ? "" : " · fault: " + h.fault());
            String css = h.fault() != null ? "fault" : h.status() >= 200 && h.status() < 300 ? "ok" : "err";
            return new String[] {"http", "HTTP " + h.dependency(), h.method() + " " + h.path()
                + (h.businessKey() == null ? "" : " · key " + h.businessKey()), outcome, css};
        }
        LedgerEntry.ObjectWrite o = (LedgerEntry.ObjectWrite) entry;
        return new String[] {"object", "bucket " + names.of(o.bucket()), o.operation() + " " + o.key(),
            o.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " · " + o.outcome().name()
                .toLowerCase(Locale.ROOT).replace('_', ' '), o.outcome() == LedgerEntry.WriteOutcome.APPLIED ? "ok" : "warn"};
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
