package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What CloudFormation asks of the stack's template support, which creates resources through the other
 * services' API calls and so lives above the services (EL1): the port CloudFormation is given at start.
 */
public interface StackTemplates {

    /**
     * The template as a tree, from JSON or YAML with CloudFormation's short-form tags.
     *
     * @throws dev.simstack.core.AwsException ValidationError "Template format error: ..." when it does not parse
     */
    JsonNode parse(String body);

    /** The body of the S3 object a {@code TemplateURL} names, from this stack's S3. */
    String templateAt(String region, String url);

    /**
     * Creates the template's resources in dependency order, telling {@code progress} of each; resources that
     * {@code deployment} says exist already are kept under their names.
     *
     * @return the stack's outputs
     * @throws DeploymentFailedException when a resource or an output cannot be made, after
     *     {@link ResourceProgress#failed} for the resource
     */
    List<StackOutput> deploy(Deployment deployment, ResourceProgress progress);

    /**
     * The logical ids of the template's resources whose {@code Condition} is false with these parameter values:
     * CloudFormation neither makes them nor lists them as changes.
     */
    java.util.Set<String> excluded(String region, String stackName, JsonNode template, Map<String, String> parameters);

    /**
     * Deletes one resource a stack made.
     *
     * @throws DeploymentFailedException with the service's reason when it cannot be deleted
     */
    void delete(String region, String type, String physicalId);

    /**
     * One run of a template.
     *
     * @param existing the physical names of resources the stack holds already, by logical id: kept, not made
     * @param inPlace the existing resources whose new definition is applied to them (updated without replacement)
     * @param imports the value exported under a name, or null
     */
    record Deployment(String region, String stackName, String stackId, JsonNode template,
            Map<String, String> parameters, Map<String, String> existing, java.util.Set<String> inPlace,
            Function<String, String> imports) {
    }

    /** Told of each resource as it is made, in order. */
    interface ResourceProgress {
        void started(String logicalId, String type);

        void created(String logicalId, String type, String physicalId);

        void failed(String logicalId, String type, String reason);
    }

    /** A stack output; {@code exportName} is null when it is not exported. */
    record StackOutput(String key, String value, String description, String exportName) {
    }

    /** A deployment that stopped, with the reason CloudFormation would give. */
    final class DeploymentFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public DeploymentFailedException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
