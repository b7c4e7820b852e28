package dev.simstack.sample;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The orders API (API Gateway's Lambda proxy integration):
 * <ul>
 *   <li>{@code POST /orders} with an {@code Idempotency-Key} header: validates the body (400 with the
 *       reason), stores a PENDING order with a conditional write, enqueues it and answers 202 with the order.
 *       A repeated key answers the same order (and 422 when the body asks for another one).</li>
 *   <li>{@code GET /orders/{id}}: the order and its status, or 404.</li>
 * </ul>
 * Configuration: {@code ORDERS_TABLE}, {@code ORDERS_QUEUE_URL}.
 */
public final class OrdersApi implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private OrderTable orders;
    private SqsClient sqs;
    private String queueUrl;

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        if (orders == null) {
            LambdaEnvironment environment = LambdaEnvironment.of(context);
            AwsClients clients = AwsClients.of(environment);
            orders = new OrderTable(clients.dynamo, environment.require("ORDERS_TABLE"));
            sqs = clients.sqs;
            queueUrl = environment.require("ORDERS_QUEUE_URL");
        }
        String route = request.getHttpMethod() + " " + request.getResource();
        return switch (route) {
            case "POST /orders" -> place(request);
            case "GET /orders/{id}" -> status(request.getPathParameters().get("id"));
            default -> answer(404, message("no route " + route));
        };
    }

    private APIGatewayProxyResponseEvent place(APIGatewayProxyRequestEvent request) {
        String key = header(request, IDEMPOTENCY_KEY);
        if (key == null || key.isBlank() || key.length() > 255) {
            return answer(400, message("the Idempotency-Key header is required (1 to 255 characters)"));
        }
        OrderRequest wanted;
        try {
            wanted = OrderRequest.parse(request.getBody());
        } catch (OrderRequest.InvalidOrderException invalid) {
            return answer(400, message(invalid.getMessage()));
        }
        // docs:place-start
        Order order = Order.pending(key, wanted);
        if (!orders.putIfAbsent(order)) {
            order = orders.find(order.orderId()).orElseThrow();
            if (!order.sameAs(wanted)) {
                return answer(422, message("the Idempotency-Key " + key + " was used for another order"));
            }
        }
        // A repeat of a still PENDING order enqueues it again: the first request may have failed between its
        // write and its send. The worker is idempotent, so a second message charges nothing twice.
        if (order.status().equals(Order.PENDING)) {
            String body = order.json();
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        }
        return answer(202, order.json());
        // docs:place-end
    }

    private APIGatewayProxyResponseEvent status(String orderId) {
        Optional<Order> order = orders.find(orderId);
        return order.map(found -> answer(200, found.json()))
                .orElseGet(() -> answer(404, message("no order " + orderId)));
    }

    /** A header, whatever its case (HTTP header names are case-insensitive). */
    private static String header(APIGatewayProxyRequestEvent request, String name) {
        if (request.getHeaders() == null) {
            return null;
        }
        return request.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String message(String text) {
        return new String(JsonWriter.create().writeStartObject().writeFieldName("message").writeValue(text)
                .writeEndObject().getBytes(), StandardCharsets.UTF_8);
    }

    private static APIGatewayProxyResponseEvent answer(int status, String json) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(json);
    }
}
