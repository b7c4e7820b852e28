package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import dev.simstack.core.internal.services.lambda.InvocationResult;
import dev.simstack.core.internal.services.lambda.LambdaPort;
import dev.simstack.core.internal.services.sqs.MessageDraft;
import dev.simstack.core.internal.services.sqs.SentMessage;
import dev.simstack.core.internal.services.sqs.SqsPort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
    private final LambdaPort lambda;
    private final SqsPort sqs;

    Integrations(StackContext context, LambdaPort lambda, SqsPort sqs) {
        this.context = context;
        this.lambda = lambda;
        this.sqs = sqs;
    }

    CompletableFuture<ObjectNode> lambda(RestApi api, ApiRoute route, ApiRequest request, byte[] event) {
        return lambda(api, route, request, event, api.http());
    }

    /**
     * The Lambda proxy integration with the function's answer read in payload format 2.0 ({@code v2Payload}) or
     * 1.0: an HTTP API's integration may use either.
     */
    CompletableFuture<ObjectNode> lambda(RestApi api, ApiRoute route, ApiRequest request, byte[] event,
            boolean v2Payload) {
        boolean http = api.http();
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        SimClock clock = context.clock();
        SimClock.Timer timer = clock.schedule(request.arrival().plus(http ? HTTP_TIMEOUT : REST_TIMEOUT),
                () -> answer.complete(http ? GatewayResponses.serviceUnavailable()
                        : GatewayResponses.integrationTimeout()));
        CompletableFuture<InvocationResult> invoked;
        try {
            invoked = lambda.invoke(ResourceRef.fromArn(route.target()), null, event, "apigateway:" + api.id(),
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
            ObjectNode mapped = ProxyResponses.map(outcome.payload(), v2Payload);
            answer.complete(mapped != null ? mapped : failed);
        });
        return answer;
    }

    /** SendMessage of the body; answers SQS's response (or its error) as JSON, as the AWS integration does. */
    CompletableFuture<ObjectNode> sqs(ApiRoute route, ApiRequest request) {
        ResponseMapping.Backend sent = sendMessage(ResourceRef.fromArn(route.target()),
                new String(request.body(), StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(RestMessage.answer(sent.status(), "application/json", Map.of(),
                sent.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** SendMessage of {@code body} to {@code queue}: SQS's JSON answer or error, as the AWS integration receives it. */
    ResponseMapping.Backend sendMessage(ResourceRef queue, String body) {
        return sendMessage(queue, () -> MessageDraft.of(body));
    }

    /** SendMessage of the message {@code draft} makes (its checks fail as SQS's errors do). */
    ResponseMapping.Backend sendMessage(ResourceRef queue, java.util.function.Supplier<MessageDraft> draft) {
        // SQS's request id for the send, which the integration's answer carries.
        String requestId = context.ids().next();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId);
        try {
            // The sender is the account, as for an unsigned request: the integration has no caller's key.
            SentMessage sent = sqs.send(queue, draft.get(), context.accountId());
            ObjectNode json = NODES.objectNode();
            ObjectNode response = json.putObject("SendMessageResponse");
            response.putObject("ResponseMetadata").put("RequestId", requestId);
            ObjectNode result = response.putObject("SendMessageResult");
            result.put("MD5OfMessageBody", sent.md5OfMessageBody());
            result.put("MessageId", sent.messageId());
            return new ResponseMapping.Backend(200, headers, json.toString());
        } catch (RuntimeException e) {
            return sqsError(e, requestId, headers);
        }
    }

    /** An SQS error as the AWS integration receives it. */
    static ResponseMapping.Backend sqsError(RuntimeException e, String requestId, Map<String, String> headers) {
        ObjectNode json = NODES.objectNode();
        ObjectNode error = json.putObject("Error");
        error.put("Code", e instanceof AwsException aws ? aws.queryCode() : "InternalFailure");
        error.put("Message", e.getMessage());
        error.put("Type", "Sender");
        json.put("RequestId", requestId);
        return new ResponseMapping.Backend(e instanceof AwsException aws ? aws.status() : 500, headers, json.toString());
    }
}
