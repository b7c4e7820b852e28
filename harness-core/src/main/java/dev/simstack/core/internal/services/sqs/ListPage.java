package dev.simstack.core.internal.services.sqs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a name-ordered listing (ListQueues, ListDeadLetterSourceQueues). As AWS does, a NextToken
 * is only answered when the request set MaxResults (1 to 1000); without it up to 1000 items come back.
 *
 * @param items the page
 * @param nextToken the token for the next page, or null
 */
record ListPage<T>(List<T> items, String nextToken) {

    private static final int MAX_RESULTS = 1000;

    static <T> ListPage<T> of(List<T> sorted, Function<T, String> name, Integer maxResults, String nextToken) {
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_RESULTS)) {
            throw SqsErrors.invalidParameter("MaxResults", maxResults, "MaxResults must be an integer between 1 "
                    + "and 1000");
        }
        int from = nextToken == null ? 0 : after(sorted, name, decode(nextToken));
        int limit = maxResults == null ? MAX_RESULTS : maxResults;
        int to = Math.min(sorted.size(), from + limit);
        List<T> items = sorted.subList(from, to);
        String next = maxResults != null && to < sorted.size() ? encode(name.apply(sorted.get(to - 1))) : null;
        return new ListPage<>(List.copyOf(items), next);
    }

    private static <T> int after(List<T> sorted, Function<T, String> name, String last) {
        int index = 0;
        while (index < sorted.size() && name.apply(sorted.get(index)).compareTo(last) <= 0) {
            index++;
        }
        return index;
    }

    private static String encode(String lastName) {
        return Base64.getEncoder().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SqsErrors.invalidParameterValue("Invalid NextToken value.");
        }
    }
}
