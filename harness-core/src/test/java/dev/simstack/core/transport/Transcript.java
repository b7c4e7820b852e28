package dev.simstack.core.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;

/**
 * What a scenario saw, line by line: each response's status and fields, or each AWS error's status, code and
 * message, with the stack's host and port written as {@code ENDPOINT} (each run has its own stack).
 */
final class Transcript {

    private final String authority;
    private final List<String> lines = new ArrayList<>();

    Transcript(URI endpoint) {
        this.authority = endpoint.getAuthority();
    }

    /** Records the answer of {@code call}, or its AWS error; returns the answer (null after an error). */
    <R extends SdkResponse> R call(String what, Supplier<R> call) {
        try {
            R response = call.get();
            add(what + " -> " + response.sdkHttpResponse().statusCode() + " " + response);
            return response;
        } catch (AwsServiceException e) {
            add(what + " -> " + e.statusCode() + " " + e.getClass().getSimpleName() + " "
                    + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
            return null;
        }
    }

    void add(String line) {
        lines.add(line.replace(authority, "ENDPOINT"));
    }

    List<String> lines() {
        return lines;
    }
}
