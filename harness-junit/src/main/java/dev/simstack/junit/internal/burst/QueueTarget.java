package dev.simstack.junit.internal.burst;

import dev.simstack.core.AwsService;
import dev.simstack.core.Stack;
import dev.simstack.junit.BurstSpec;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * An SQS queue, sent to with {@code SendMessage} in the AWS JSON protocol at the stack's endpoint: what the
 * SDK sends, without needing the SDK. Headers become String message attributes. The region travels in the
 * SigV4 credential scope, which the engine reads (and does not verify).
 */
final class QueueTarget implements BurstTarget {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final String queueName;
    private final String queueUrl;
    private final String endpoint;
    private final String authorization;

    private QueueTarget(String queueName, String queueUrl, String endpoint, String authorization) {
        this.queueName = queueName;
        this.queueUrl = queueUrl;
        this.endpoint = endpoint;
        this.authorization = authorization;
    }

    static QueueTarget resolve(Stack stack, BurstSpec spec, String region) {
        String url;
        try {
            url = stack.queue(region, spec.queue()).url();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("burst on queue '" + spec.queue() + "': " + e.getMessage(), e);
        }
        String authorization = "AWS4-HMAC-SHA256 Credential=simstack/" + DAY.format(stack.clock().now()) + "/"
                + region + "/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
        return new QueueTarget(spec.queue(), url, stack.endpoint().toString(), authorization);
    }

    @Override
    public String describe() {
        return "queue " + queueName;
    }

    @Override
    public HttpRequest request(long n, String body, Map<String, String> headers) {
        StringBuilder json = new StringBuilder("{\"QueueUrl\":").append(quote(queueUrl))
                .append(",\"MessageBody\":").append(quote(body));
        if (!headers.isEmpty()) {
            json.append(",\"MessageAttributes\":{");
            String comma = "";
            for (Map.Entry<String, String> header : headers.entrySet()) {
                json.append(comma).append(quote(header.getKey())).append(":{\"DataType\":\"String\",\"StringValue\":")
                        .append(quote(header.getValue())).append('}');
                comma = ",";
            }
            json.append('}');
        }
        return HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.SendMessage")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json.append('}').toString()))
                .build();
    }

    @Override
    public boolean throttled(int status, String body, HttpHeaders headers) {
        if (status == 429) {
            return true;
        }
        // The JSON protocol names the error in __type ("...#RequestThrottled") and, for Query compatibility,
        // in x-amzn-query-error ("RequestThrottled;Sender").
        String code = AwsService.SQS.throttlingErrorCode();
        return status == AwsService.SQS.throttlingStatus() && (body.contains(code + "\"")
                || body.contains("ThrottlingException\"")
                || headers.firstValue("x-amzn-query-error").filter(value -> value.contains(code)).isPresent());
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
