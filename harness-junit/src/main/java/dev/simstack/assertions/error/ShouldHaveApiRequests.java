package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.LedgerEntry;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of an API whose requests, throttled requests or requests of a status are not as many as expected. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveApiRequests extends BasicErrorMessageFactory {

    private ShouldHaveApiRequests(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param api the API, e.g. {@code API shop in us-east-1}
     * @param one what was counted, for one, e.g. {@code throttled request} or {@code request answered 200}
     * @param many the same for several (or none), e.g. {@code throttled requests}
     * @param expected how many were expected
     * @param found how many there are
     * @param byStatus how many requests got each status, sorted
     * @param requests every request of the API, oldest first (the message shows the newest)
     */
    public static ErrorMessageFactory shouldHaveApiRequests(String api, String one, String many, int expected, int found,
            Map<Integer, Long> byStatus, List<LedgerEntry.ApiRequest> requests) {
        StringBuilder last = new StringBuilder();
        if (!requests.isEmpty()) {
            last.append("\nThe last requests (newest last):");
            for (LedgerEntry.ApiRequest request : requests.subList(Math.max(0, requests.size() - Texts.SHOWN),
                    requests.size())) {
                last.append("\n  ").append(request.method()).append(" ").append(request.path()).append(" -> ")
                        .append(request.status()).append(request.throttled() ? " (throttled)" : "");
            }
        }
        return new ShouldHaveApiRequests("Expecting %s to have %s\nbut it has %s.\nRequests by status: %s%s",
                unquotedString(api), unquotedString(Texts.count(expected, one, many)), found, unquotedString(byStatus.toString()),
                unquotedString(last.toString()));
    }
}
