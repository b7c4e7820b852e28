package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import dev.simstack.core.internal.services.lambda.LambdaService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The two integrations: Lambda proxy (AWS_PROXY) with the REST API's 29-second integration timeout
 * (30 s for HTTP APIs) on the stack's clock, and SQS SendMessage of the request body (the "API straight
 * into a queue" pattern), both in-process.
 */
final class Integrations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration REST_TIMEOUT = Duration.ofSeconds(29);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final StackContext context;
    private final LambdaService lambda;
    private final Service sqs;

    Integrations(StackContext context, LambdaService lambda, Service sqs) {
        this.context = context;
        this.lambda = lambda;
        this.sqs = sqs;
    }

    CompletableFuture<ObjectNode> lambda(RestApi api, ApiRoute route, ApiRequest request, byte[] event) {
        boolean http = api.http();
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        SimClock clock = context.clock();
        SimClock.Timer timer = clock.schedule(request.arrival().plus(http ? HTTP_TIMEOUT : REST_TIMEOUT),
                () -> answer.complete(http ? GatewayResponses.serviceUnavailable()
                        : GatewayResponses.integrationTimeout()));
        CompletableFuture<LambdaService.Outcome> invoked;
        try {
            invoked = lambda.invokeFor(route.target(), event, "apigateway:" + api.id(),
                    List.of(request.requestId()));
        } catch (AwsException e) {
            invoked = CompletableFuture.failedFuture(e);
        }
        invoked.whenComplete((outcome, failure) -> {
            timer.cancel();
            ObjectNode failed = http ? GatewayResponses.internalServerError() : GatewayResponses.badGateway();
            if (failure != null || outcome.throttled() || outcome.failed()) {
                answer.complete(failed);
                return;
            }
            ObjectNode mapped = ProxyResponses.map(outcome.payload(), http);
            answer.complete(mapped != null ? mapped : failed);
        });
        return answer;
    }

    /** SendMessage of the body; answers SQS's response (or its error) as JSON, as the AWS integration does. */
    CompletableFuture<ObjectNode> sqs(ApiRoute route, ApiRequest request) {
        ResourceRef queue = ResourceRef.fromArn(route.target());
        ObjectNode input = NODES.objectNode();
        input.put("QueueUrl", "http://localhost/" + queue.account() + "/" + queue.name());
        input.put("MessageBody", new String(request.body(), StandardCharsets.UTF_8));
        DecodedCall call = new DecodedCall("sqs", "SendMessage", queue.region(), context.accountId(), context.ids().next(),
                "engine", null, null, context.clock().now(), input);
        try {
            JsonNode output = sqs.invoke(call).toCompletableFuture().join();
            ObjectNode body = NODES.objectNode();
            ObjectNode response = body.putObject("SendMessageResponse");
            response.putObject("ResponseMetadata").put("RequestId", call.requestId());
            ObjectNode result = response.putObject("SendMessageResult");
            result.put("MD5OfMessageBody", output.path("MD5OfMessageBody").asText());
            result.put("MessageId", output.path("MessageId").asText());
            return CompletableFuture.completedFuture(json(200, body));
        } catch (CompletionException | AwsException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            ObjectNode body = NODES.objectNode();
            ObjectNode error = body.putObject("Error");
            error.put("Code", cause instanceof AwsException aws ? aws.queryCode() : "InternalFailure");
            error.put("Message", cause.getMessage());
            error.put("Type", "Sender");
            body.put("RequestId", call.requestId());
            return CompletableFuture.completedFuture(json(cause instanceof AwsException aws ? aws.status() : 500,
                    body));
        }
    }

    private static ObjectNode json(int status, ObjectNode body) {
        return RestMessage.answer(status, "application/json", Map.of(),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
