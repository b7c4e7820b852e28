package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.ResourceRef;
import java.util.HashSet;
import java.util.Set;

/**
 * The resource a decoded call addresses, read from its input members as each service's codec puts them
 * there (see {@link dev.simstack.core.ServiceCall#resource()} for the rules). Never fails: a call that names
 * its resource in a form that cannot be read addresses none here, and its service answers it with its own
 * error.
 */
final class CallResources {

    private CallResources() {
    }

    /** The resource {@code call} addresses, or null. */
    static ResourceRef of(DecodedCall call) {
        try {
            return switch (call.service()) {
                case SQS -> queue(call);
                case DYNAMODB -> table(call);
                case S3 -> named(call.input(), "Bucket") == null ? null
                        : ResourceRef.bucket(call.region(), call.accountId(), named(call.input(), "Bucket"));
                case LAMBDA -> function(call);
                case APIGATEWAY -> api(call);
                case IAM, STS, CLOUDFORMATION -> null; // roles are named by RoleName alone, without their path
            };
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** {@code QueueUrl} ({@code http://host/{account}/{name}}, region the call's) or {@code QueueName}. */
    private static ResourceRef queue(DecodedCall call) {
        String url = named(call.input(), "QueueUrl");
        if (url != null) {
            return queueOfUrl(url, call);
        }
        String name = named(call.input(), "QueueName");
        if (name == null) {
            return null;
        }
        String owner = named(call.input(), "QueueOwnerAWSAccountId");
        return ResourceRef.queue(call.region(), owner != null ? owner : call.accountId(), name);
    }

    /**
     * The queue of a URL as SQS reads it: the last segment is the name, the one before it the account
     * ({@code queue}, which some clients write there, stands for the caller's).
     */
    private static ResourceRef queueOfUrl(String url, DecodedCall call) {
        int end = url.endsWith("/") ? url.length() - 1 : url.length();
        int slash = url.lastIndexOf('/', end - 1);
        if (slash < 0 || slash == end - 1) {
            return null;
        }
        int previous = url.lastIndexOf('/', slash - 1);
        String account = previous < 0 ? "" : url.substring(previous + 1, slash);
        if (account.isEmpty() || account.equals("queue") || account.contains(".") || account.contains(":")) {
            account = call.accountId(); // no account segment: the URL's host came right before the name
        }
        return ResourceRef.queue(call.region(), account, url.substring(slash + 1, end));
    }

    /**
     * {@code TableName}, or the one table every item of a batch or transaction addresses, or (PartiQL) the one
     * table its statements address.
     */
    private static ResourceRef table(DecodedCall call) {
        JsonNode input = call.input();
        Set<String> tables = new HashSet<>();
        String single = named(input, "TableName");
        if (single != null) {
            tables.add(single);
        }
        input.path("RequestItems").fieldNames().forEachRemaining(tables::add);
        for (JsonNode item : input.path("TransactItems")) {
            // {"Put": {"TableName": ...}}, {"Update": ...}, {"Delete": ...}, {"ConditionCheck": ...}, {"Get": ...}
            item.forEach(action -> {
                String table = named(action, "TableName");
                if (table != null) {
                    tables.add(table);
                }
            });
        }
        if (tables.isEmpty()) {
            String named = call.resourceNameFromService(); // PartiQL: the table is in the statements
            if (named != null) {
                tables.add(named);
            }
        }
        if (tables.size() != 1) {
            return null;
        }
        String table = tables.iterator().next();
        return table.startsWith("arn:") ? ResourceRef.fromArn(table)
                : ResourceRef.table(call.region(), call.accountId(), table);
    }

    /**
     * {@code FunctionName} in each form Lambda takes, without its qualifier: {@code worker}, {@code worker:live},
     * {@code 000000000000:function:worker} and {@code arn:aws:lambda:us-east-1:000000000000:function:worker:3}.
     */
    private static ResourceRef function(DecodedCall call) {
        String name = named(call.input(), "FunctionName");
        if (name == null) {
            return null;
        }
        if (name.startsWith("arn:")) {
            return ResourceRef.fromArn(name);
        }
        String[] parts = name.split(":", -1);
        if (parts.length >= 3 && parts[1].equals("function")) {
            return ResourceRef.function(call.region(), parts[0], parts[2]);
        }
        return ResourceRef.function(call.region(), call.accountId(), parts[0]);
    }

    /** The {@code restapi_id} of a management call, or the {@code apiId} of an invocation. */
    private static ResourceRef api(DecodedCall call) {
        String id = named(call.input(), "restapi_id");
        if (id == null) {
            id = named(call.input(), "apiId");
        }
        return id == null ? null : ResourceRef.api(call.region(), call.accountId(), id);
    }

    /** The non-empty text member {@code name} of {@code node}, or null. */
    private static String named(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }
}
