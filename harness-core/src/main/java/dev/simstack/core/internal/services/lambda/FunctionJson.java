package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A function's FunctionConfiguration as the Lambda API answers it. */
final class FunctionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Lambda writes LastModified as {@code 2024-01-01T12:00:00.000+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private FunctionJson() {
    }

    static ObjectNode configuration(LambdaFunction function, FunctionConfig config, String version) {
        ObjectNode json = NODES.objectNode();
        json.put("FunctionName", function.name());
        json.put("FunctionArn", "$LATEST".equals(version) ? function.arn() : function.arn() + ":" + version);
        json.put("Runtime", config.runtime());
        json.put("Role", config.role());
        json.put("Handler", config.handler());
        json.put("CodeSize", config.code().size());
        json.put("Description", config.description());
        json.put("Timeout", config.timeoutSeconds());
        json.put("MemorySize", config.memorySize());
        json.put("LastModified", LAST_MODIFIED.format(Instant.ofEpochMilli(function.lastModified())));
        json.put("CodeSha256", config.code().sha256());
        json.put("Version", version);
        if (!config.environment().isEmpty()) {
            ObjectNode variables = json.putObject("Environment").putObject("Variables");
            config.environment().forEach(variables::put);
        }
        if (config.deadLetterArn() != null) {
            json.putObject("DeadLetterConfig").put("TargetArn", config.deadLetterArn());
        }
        json.put("RevisionId", Long.toHexString(function.lastModified()) + "-" + function.generation());
        json.put("State", "Active");
        json.put("LastUpdateStatus", "Successful");
        json.put("PackageType", "Zip");
        json.putArray("Architectures").add("x86_64");
        return json;
    }
}
