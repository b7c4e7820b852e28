package dev.simstack.assertions;

import static dev.simstack.assertions.error.ShouldHaveApiRequests.shouldHaveApiRequests;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ApiHandle;
import dev.simstack.core.LedgerEntry.ApiRequest;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an API Gateway API of a running stack, from the ledger's requests to it (every stage, every
 * route, whoever sent them). Every check first makes sure the ledger still holds everything since the stack
 * started or was reset ({@code Ledger.requireComplete}). A failure shows the requests by status and the last
 * requests. After {@link #eventually()} every check retries until it holds.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ApiAssert extends AbstractAssert<ApiAssert, ApiHandle> {

    private Origin origin;
    private Eventually eventually;
    private String name;

    /**
     * An assert on {@code actual}; its checks need the stack's ledger, so take it with
     * {@code SimStackAssertions.assertThat(stack).api(name)} (soft assertions construct it reflectively and then
     * tell it the stack).
     *
     * @param actual the API's handle
     */
    public ApiAssert(ApiHandle actual) {
        super(actual, ApiAssert.class);
    }

    static ApiAssert of(Origin origin, ApiHandle api, String name, Eventually eventually) {
        ApiAssert made = origin.make(ApiAssert.class, ApiHandle.class, api, ApiAssert::new);
        made.bind(origin, name, eventually);
        return made;
    }

    void bind(Origin from, String apiName, Eventually retry) {
        this.origin = from;
        this.name = apiName;
        this.eventually = retry;
    }

    /**
     * The same assertions, each retried until it holds: on a manual clock this advances the stack's clock 100 ms
     * at a time, up to 15 virtual minutes; on a real or scaled clock it waits up to 10 seconds.
     *
     * @return an assert whose checks retry
     */
    public ApiAssert eventually() {
        stack("eventually()");
        return of(origin, actual, name, Eventually.defaults());
    }

    /**
     * The same assertions, each retried until it holds within {@code within}: virtual time on a manual clock
     * (which this advances), wall time on a real or scaled clock.
     *
     * @param within how long to keep trying
     * @return an assert whose checks retry
     */
    public ApiAssert eventually(Duration within) {
        stack("eventually(within)");
        return of(origin, actual, name, Eventually.defaults().withWithin(within));
    }

    /**
     * Checks how many requests reached the API, whatever their answer (throttled ones included).
     *
     * @param expected the number of requests
     * @return this assert
     */
    public ApiAssert hasRequests(int expected) {
        return counts("request", "requests", request -> true, expected);
    }

    /**
     * Checks how many requests a throttle or a quota refused (429).
     *
     * @param expected the number of throttled requests
     * @return this assert
     */
    public ApiAssert hasThrottled(int expected) {
        return counts("throttled request", "throttled requests", ApiRequest::throttled, expected);
    }

    /**
     * Checks how many requests were answered with {@code status}.
     *
     * @param status the HTTP status, e.g. 200
     * @param expected the number of requests answered with it
     * @return this assert
     */
    public ApiAssert hasStatusCount(int status, int expected) {
        return counts("request answered " + status, "requests answered " + status,
                request -> request.status() == status, expected);
    }

    private ApiAssert counts(String one, String many, Predicate<ApiRequest> counted, int expected) {
        return check(() -> {
            List<ApiRequest> requests = requests("has " + many);
            int found = (int) requests.stream().filter(counted).count();
            if (found != expected) {
                Map<Integer, Long> byStatus = requests.stream()
                        .collect(Collectors.groupingBy(ApiRequest::status, TreeMap::new, Collectors.counting()));
                throwAssertionError(shouldHaveApiRequests(label(), one, many, expected, found, byStatus,
                        requests));
            }
        });
    }

    /** The API's requests, read before checking that the ledger is complete (a check after the read proves it). */
    private List<ApiRequest> requests(String assertion) {
        Stack stack = stack(assertion);
        ResourceRef api = actual.ref();
        List<ApiRequest> requests = stack.ledger().entries(ApiRequest.class).stream()
                .filter(request -> request.api().equals(api)).toList();
        stack.ledger().requireComplete(assertion + " on " + label());
        return requests;
    }

    private ApiAssert check(Runnable body) {
        Eventually.check(eventually, () -> stack("eventually()"), body, this::throwAssertionError);
        return myself;
    }

    private Stack stack(String assertion) {
        return Origin.stackOf(origin, assertion, "SimStackAssertions.assertThat(stack).api(name)");
    }

    private String label() {
        ResourceRef api = actual.ref();
        return "API " + (name == null ? api.name() : name + " (" + api.name() + ")") + " in " + api.region();
    }
}
