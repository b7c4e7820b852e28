package dev.simstack.core.internal.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AppliedResources;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /_simstack/reset}, and LocalStack's {@code POST /_localstack/state/reset} and
 * {@code POST /_localstack/state/<service>/reset}, so that CI scripts written for LocalStack work
 * unchanged. LocalStack answers 200 with an empty body; this answers 200 with what it reset and what it
 * created again ({@code {"reset":true,"services":[...],"recreated":[...]}}). The reset runs on a thread of
 * its own, not on the event loop: creating resources again goes through the engine and may wait.
 */
final class ResetEndpoint {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SERVICE_PATH = Pattern.compile("/_localstack/state/([^/]+)/reset");

    private final List<String> services;
    private final Function<Set<String>, List<AppliedResources.Resource>> reset;
    private final String threadName;
    private final JsonTrees json = new JsonTrees();

    /**
     * @param services the signing names of the stack's services
     * @param reset empties the named services (all when the set is empty) and answers what it created again
     */
    ResetEndpoint(List<String> services, Function<Set<String>, List<AppliedResources.Resource>> reset,
            String stackName) {
        this.services = List.copyOf(services);
        this.reset = reset;
        this.threadName = stackName + "-reset";
    }

    /** The answer if {@code exchange} asks for a reset, else null. */
    CompletionStage<HttpAnswer> answer(HttpExchange exchange) {
        String path = exchange.path();
        Set<String> names;
        if (path.equals("/_simstack/reset") || path.equals("/_localstack/state/reset")) {
            names = Set.of();
        } else {
            Matcher matcher = SERVICE_PATH.matcher(path);
            if (!matcher.matches()) {
                return null;
            }
            names = Set.of(matcher.group(1));
        }
        if (!exchange.method().equals("POST")) {
            String host = exchange.headers().get("Host");
            return done(error(405, "MethodNotAllowed", exchange.method() + " " + path + " is not allowed: a reset "
                    + "is a POST (curl -X POST http://" + (host == null ? "localhost:4566" : host) + path + ")"));
        }
        if (!services.containsAll(names)) {
            return done(error(404, "UnknownService", "SimStack has no service '" + names.iterator().next()
                    + "' to reset; it resets " + String.join(", ", services)
                    + " (POST /_localstack/state/<service>/reset), or all of them (POST /_localstack/state/reset)"));
        }
        CompletableFuture<HttpAnswer> answer = new CompletableFuture<>();
        Thread worker = new Thread(() -> answer.complete(run(names)), threadName);
        worker.setDaemon(true);
        worker.start();
        return answer;
    }

    private HttpAnswer run(Set<String> names) {
        try {
            List<AppliedResources.Resource> recreated = reset.apply(names);
            ObjectNode body = NODES.objectNode().put("reset", true);
            ArrayNode reset = body.putArray("services");
            (names.isEmpty() ? services : List.copyOf(names)).forEach(reset::add);
            ArrayNode created = body.putArray("recreated");
            for (AppliedResources.Resource resource : recreated) {
                created.addObject().put("type", resource.type()).put("name", resource.logicalId())
                        .put("region", resource.region()).put("id", resource.physicalId())
                        .put("outcome", resource.outcome().name().toLowerCase(java.util.Locale.ROOT));
            }
            return new HttpAnswer(200, "application/json", Map.of(), json.write(body));
        } catch (RuntimeException e) {
            // Typically a resource file that no longer applies: the services are empty, its resources missing.
            return error(500, "ResetIncomplete", "the reset did not complete: " + e.getMessage());
        }
    }

    private HttpAnswer error(int status, String code, String message) {
        ObjectNode body = NODES.objectNode().put("error", code).put("message", message);
        Map<String, String> headers = status == 405 ? Map.of("Allow", "POST") : Map.of();
        return new HttpAnswer(status, "application/json", headers, json.write(body));
    }

    private static CompletionStage<HttpAnswer> done(HttpAnswer answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
