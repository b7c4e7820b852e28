package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.arn.ResourceArns;

/**
 * What a {@code FunctionName} parameter names: a name, a partial ARN ({@code 123456789012:function:name})
 * or a full ARN, each optionally with a {@code :qualifier}.
 *
 * @param name the function's name
 * @param qualifier the version or alias, or null
 */
record FunctionRef(String name, String qualifier) {

    static FunctionRef parse(String functionName, String qualifierParameter) {
        String[] parts = functionName.split(":");
        String name;
        String qualifier = null;
        if (functionName.startsWith("arn:")) {
            ResourceRef function = ResourceArns.of(AwsService.LAMBDA, functionName);
            if (function == null) {
                throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + functionName
                        + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
                        + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
            }
            name = function.name();
            qualifier = parts.length > 7 ? parts[7] : null;
        } else if (parts.length >= 3 && parts[1].equals("function")) {
            name = parts[2];
            qualifier = parts.length > 3 ? parts[3] : null;
        } else {
            name = parts[0];
            qualifier = parts.length > 1 ? parts[1] : null;
        }
        if (!name.matches("[a-zA-Z0-9-_]{1,64}")) {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + functionName
                    + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: [a-zA-Z0-9-_]+");
        }
        if (qualifierParameter != null) {
            if (qualifier != null && !qualifier.equals(qualifierParameter)) {
                throw LambdaErrors.invalidParameter("The derived qualifier from the function name does not match "
                        + "the specified qualifier.");
            }
            qualifier = qualifierParameter;
        }
        return new FunctionRef(name, qualifier);
    }
}
