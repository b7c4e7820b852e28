package dev.simstack.core.internal.services.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.simstack.core.FunctionEnvironment;
import dev.simstack.core.SimClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link Context} of one invocation: ids, ARN and memory as AWS reports them, the remaining time read
 * from the stack's clock, and a logger whose lines are kept per invocation (the test reads them where
 * AWS would send them to CloudWatch Logs).
 */
final class InvocationContext implements Context, FunctionEnvironment.Holder {

    private final String requestId;
    private final LambdaFunction function;
    private final FunctionConfig config;
    private final String version;
    private final String invokedArn;
    private final String logStream;
    private final long deadline;
    private final SimClock clock;
    private final Map<String, String> variables;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            lines.add(message);
        }

        @Override
        public void log(byte[] message) {
            lines.add(new String(message, StandardCharsets.UTF_8));
        }
    };

    InvocationContext(String requestId, LambdaFunction function, FunctionConfig config, String version,
            String invokedArn, String environmentId, long deadline, SimClock clock, String endpoint) {
        this.requestId = requestId;
        this.function = function;
        this.config = config;
        this.version = version;
        this.invokedArn = invokedArn;
        this.logStream = "2000/01/01/[" + version + "]" + environmentId;
        this.deadline = deadline;
        this.clock = clock;
        this.variables = variables(function, config, version, endpoint);
    }

    /**
     * The function's variables plus those the Lambda runtime defines ("Defined runtime environment
     * variables"), and {@code AWS_ENDPOINT_URL}, the SDK's standard variable for a custom endpoint, set to
     * the stack so a handler's SDK clients can reach it. The execution role's keys are placeholders (the
     * stack accepts any), there so that code reading its credentials from the environment, as the SDK does
     * on Lambda, finds some; the access key id is the function's account id, so that the handler's calls act
     * in the function's own account, as its execution role's would.
     */
    private static Map<String, String> variables(LambdaFunction function, FunctionConfig config, String version,
            String endpoint) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("AWS_REGION", function.region());
        all.put("AWS_DEFAULT_REGION", function.region());
        all.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        all.put("AWS_LAMBDA_FUNCTION_VERSION", version);
        all.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memorySize()));
        all.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        all.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + config.runtime());
        all.put("AWS_ACCESS_KEY_ID", function.ref().account());
        all.put("AWS_SECRET_ACCESS_KEY", "simstack");
        all.put("AWS_SESSION_TOKEN", "simstack");
        if (endpoint != null) {
            all.put("AWS_ENDPOINT_URL", endpoint);
        }
        all.putAll(config.environment());
        return Map.copyOf(all);
    }

    /** The lines logged so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return logStream;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return version;
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - clock.millis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return config.memorySize();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public Map<String, String> environmentVariables() {
        return variables;
    }
}
